package org.oasm.bridge;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The only file system Python sees. Each call installs its {@link Grants}: the named files and
 * trees are readable, the call's staging folder is readable and writable, the folders above a
 * granted path answer metadata questions only (so {@code os.path.realpath} works), and
 * everything else fails with a permission error. Paths are checked after normalisation and again
 * after resolving symbolic links, and files are opened without following a final link, so a link
 * planted in the output folder cannot lead outside it. Links cannot be created at all. Between
 * calls nothing is granted. What is not granted is asked of Truffle's language-home and
 * internal-resource access over a file system that denies everything else, so GraalPy's own
 * standard library is readable, read-only. (Those wrappers are not put around this class: they
 * do not pass an atomic move through, which the bytecode cache needs.)
 *
 * <p>The bridge's bytecode cache (when it has one) is readable always and writable only while
 * the bridge itself opens it for writing, which it does while it starts the context and loads
 * a module, never while a call's grants are in force.
 */
final class SandboxFileSystem implements FileSystem {

    private static final Set<OpenOption> WRITING = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
            StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.DELETE_ON_CLOSE);

    /** A call's grants with every path made absolute, normalised and resolved. */
    private record Resolved(List<Path> files, List<Path> trees, Path writable, List<Path> ancestors) {
        static final Resolved NONE = new Resolved(List.of(), List.of(), null, List.of());
    }

    private final FileSystem host = FileSystem.newDefaultFileSystem();
    /** GraalPy's own files (its language home, Truffle's internal resources), read-only; nothing else. */
    private final FileSystem home = FileSystem.allowInternalResourceAccess(
            FileSystem.allowLanguageHomeAccess(FileSystem.newDenyIOFileSystem()));
    private volatile Resolved grants = Resolved.NONE;
    private volatile Path cwd = Path.of("/");
    private volatile Path cache;
    private volatile List<Path> cacheAncestors = List.of();
    private volatile boolean cacheWritable;

    /** Sets the bytecode cache folder (it must exist): readable from now on, writable when opened. */
    void cache(Path folder) throws IOException {
        Path c = real(folder.toAbsolutePath().normalize());
        List<Path> up = new ArrayList<>();
        for (Path a = c.getParent(); a != null; a = a.getParent()) {
            up.add(a);
        }
        cache = c;
        cacheAncestors = List.copyOf(up);
    }

    /** Opens the bytecode cache for writing (true) or closes it again (false). */
    void cacheWritable(boolean writable) {
        if (writable && grants != Resolved.NONE) {
            throw new IllegalStateException("the bytecode cache cannot be written while a call's grants are in force");
        }
        cacheWritable = writable;
    }

    /** Opens the sandbox for one call; {@code writable} is the staging folder (or null). */
    void grant(Grants g, Path writable) throws IOException {
        if (cacheWritable) {
            throw new IllegalStateException("grants while the bytecode cache is open for writing");
        }
        List<Path> files = new ArrayList<>();
        for (Path f : g.readFiles()) {
            files.add(real(f.toAbsolutePath().normalize()));
        }
        List<Path> trees = new ArrayList<>();
        for (Path t : g.readTrees()) {
            trees.add(real(t.toAbsolutePath().normalize()));
        }
        Path w = writable == null ? null : real(writable.toAbsolutePath().normalize());
        Set<Path> ancestors = new HashSet<>();
        List<Path> all = new ArrayList<>(files);
        all.addAll(trees);
        if (w != null) {
            all.add(w);
        }
        for (Path p : all) {
            for (Path a = p.getParent(); a != null; a = a.getParent()) {
                ancestors.add(a);
            }
        }
        grants = new Resolved(List.copyOf(files), List.copyOf(trees), w, List.copyOf(ancestors));
        cwd = w != null ? w : Path.of("/");
    }

    /** Closes the sandbox again: nothing is readable or writable between calls. */
    void revoke() {
        grants = Resolved.NONE;
        cwd = Path.of("/");
    }

    // --- the checks ---------------------------------------------------------------------------

    private Path abs(Path p) {
        return (p.isAbsolute() ? p : cwd.resolve(p)).normalize();
    }

    /** The path with every existing component's links resolved; missing trailing names kept. */
    private static Path real(Path absolute) throws IOException {
        Path existing = absolute;
        List<Path> missing = new ArrayList<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.addFirst(existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        Path r = existing.toRealPath();
        for (Path name : missing) {
            r = r.resolve(name);
        }
        return r;
    }

    private boolean readable(Path real) {
        Resolved g = grants;
        if (g.files().contains(real)) {
            return true;
        }
        for (Path t : g.trees()) {
            if (real.startsWith(t)) {
                return true;
            }
        }
        return g.writable() != null && real.startsWith(g.writable()) || inCache(real);
    }

    private boolean inCache(Path p) {
        Path c = cache;
        return c != null && p.startsWith(c);
    }

    private boolean ancestor(Path p) {
        return grants.ancestors().contains(p) || cacheAncestors.contains(p);
    }

    private Path checkRead(Path p) throws IOException {
        Path a = abs(p);
        Path r = real(a);
        if (!readable(r)) {
            throw denied(a);
        }
        return r;
    }

    private Path checkMetadata(Path p) throws IOException {
        Path a = abs(p);
        Path r = real(a);
        if (!readable(r) && !ancestor(r) && !ancestor(a)) {
            throw denied(a);
        }
        return a;
    }

    private Path checkWrite(Path p) throws IOException {
        Path a = abs(p);
        Path c = cache;
        if (cacheWritable && c != null && a.startsWith(c) && !a.equals(c)) {
            Path r = real(a);
            if (!r.startsWith(c)) {
                throw denied(a);
            }
            return r;
        }
        Path w = grants.writable();
        if (w == null || !a.startsWith(w) || a.equals(w)) {
            throw denied(a);
        }
        Path r = real(a);
        if (!r.startsWith(w)) {
            throw denied(a);
        }
        return r;
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    /** What the grants allow, or else what GraalPy's own read-only files answer, or else the denial. */
    private static <T> T orHome(Io<T> granted, Io<T> home) throws IOException {
        try {
            return granted.run();
        } catch (AccessDeniedException denied) {
            try {
                return home.run();
            } catch (SecurityException | UnsupportedOperationException e) {
                throw denied;
            }
        }
    }

    private static AccessDeniedException denied(Path p) {
        return new AccessDeniedException(p.toString(), null, "outside what this analysis may touch");
    }

    // --- FileSystem ---------------------------------------------------------------------------

    @Override
    public Path parsePath(URI uri) {
        return host.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return host.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (modes.contains(AccessMode.WRITE)) {
            host.checkAccess(checkWrite(path), modes, linkOptions);
            return;
        }
        orHome(() -> {
            Path checked = modes.contains(AccessMode.READ) || modes.contains(AccessMode.EXECUTE) ? checkRead(path)
                    : checkMetadata(path);
            if (modes.contains(AccessMode.EXECUTE)) {
                throw denied(checked);
            }
            host.checkAccess(checked, modes, linkOptions);
            return null;
        }, () -> {
            home.checkAccess(path, modes, linkOptions);
            return null;
        });
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        host.createDirectory(checkWrite(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        host.delete(checkWrite(path));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        boolean writing = options.stream().anyMatch(WRITING::contains);
        Set<OpenOption> opts = new HashSet<>(options);
        opts.add(LinkOption.NOFOLLOW_LINKS);
        if (writing) {
            return host.newByteChannel(checkWrite(path), opts, attrs);
        }
        return orHome(() -> host.newByteChannel(checkRead(path), opts, attrs), () -> home.newByteChannel(path, options, attrs));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        return orHome(() -> host.newDirectoryStream(checkRead(dir), filter), () -> home.newDirectoryStream(dir, filter));
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return abs(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return orHome(() -> {
            Path a = checkMetadata(path);
            Path r = host.toRealPath(a, linkOptions);
            if (!readable(r) && !ancestor(r)) {
                throw denied(a);
            }
            return r;
        }, () -> home.toRealPath(path, linkOptions));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return orHome(() -> host.readAttributes(checkMetadata(path), attributes, options),
                () -> home.readAttributes(path, attributes, options));
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        host.setAttribute(checkWrite(path), attribute, value, options);
    }

    @Override
    public void copy(Path source, Path target, java.nio.file.CopyOption... options) throws IOException {
        host.copy(checkRead(source), checkWrite(target), options);
    }

    @Override
    public void move(Path source, Path target, java.nio.file.CopyOption... options) throws IOException {
        host.move(checkWrite(source), checkWrite(target), options);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        throw denied(abs(link));
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        throw denied(abs(link));
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return orHome(() -> host.readSymbolicLink(checkMetadata(link)), () -> home.readSymbolicLink(link));
    }

    @Override
    public void setCurrentWorkingDirectory(Path currentWorkingDirectory) {
        cwd = abs(currentWorkingDirectory);
    }

    @Override
    public Path getTempDirectory() {
        Path w = grants.writable();
        if (w == null) {
            throw new UnsupportedOperationException("no temporary folder in the analysis sandbox");
        }
        return w;
    }
}
