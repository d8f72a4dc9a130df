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
 * calls nothing is granted. GraalPy's own standard library is reached through Truffle's
 * language-home access, read-only, outside this class.
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
    private volatile Resolved grants = Resolved.NONE;
    private volatile Path cwd = Path.of("/");

    /** Opens the sandbox for one call; {@code writable} is the staging folder (or null). */
    void grant(Grants g, Path writable) throws IOException {
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
        return g.writable() != null && real.startsWith(g.writable());
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
        if (!readable(r) && !grants.ancestors().contains(r) && !grants.ancestors().contains(a)) {
            throw denied(a);
        }
        return a;
    }

    private Path checkWrite(Path p) throws IOException {
        Path a = abs(p);
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
        Path checked = modes.contains(AccessMode.WRITE) ? checkWrite(path)
                : modes.contains(AccessMode.READ) || modes.contains(AccessMode.EXECUTE) ? checkRead(path)
                : checkMetadata(path);
        if (modes.contains(AccessMode.EXECUTE)) {
            throw denied(checked);
        }
        host.checkAccess(checked, modes, linkOptions);
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
        Path target = writing ? checkWrite(path) : checkRead(path);
        Set<OpenOption> opts = new HashSet<>(options);
        opts.add(LinkOption.NOFOLLOW_LINKS);
        return host.newByteChannel(target, opts, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        return host.newDirectoryStream(checkRead(dir), filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return abs(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        Path a = checkMetadata(path);
        Path r = host.toRealPath(a, linkOptions);
        if (!readable(r) && !grants.ancestors().contains(r)) {
            throw denied(a);
        }
        return r;
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return host.readAttributes(checkMetadata(path), attributes, options);
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
        return host.readSymbolicLink(checkMetadata(link));
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
