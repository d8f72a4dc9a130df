package org.oasm.cockpit.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.oasm.formats.workcopy.WorkingCopies;
import org.oasm.formats.workcopy.WorkingCopy;

/**
 * The folder a command block runs in: a working copy of the target (committed or discarded
 * afterwards), or for {@code --dry-run} a temporary copy outside the OASM root that is always
 * deleted, so that a dry run writes nothing anywhere. It remembers the hash of every file it
 * started with, so that changes the block may not make (build output, caches) can be dropped.
 */
final class Workspace {

    private final Path dir;
    private final Path target;
    private final boolean fileTarget;
    private final SortedMap<String, String> initial;
    private final WorkingCopy copy;

    private Workspace(Path dir, Path target, SortedMap<String, String> initial, WorkingCopy copy) {
        this.dir = dir;
        this.target = target;
        this.fileTarget = Files.isRegularFile(target);
        this.initial = initial;
        this.copy = copy;
    }

    /** A working copy of {@code target}, registered under the OASM root. */
    static Workspace working(WorkingCopies copies, Path target, String actor) {
        WorkingCopy c = copies.create(target, actor);
        return new Workspace(c.copyDir(), target, new TreeMap<>(c.sourceHashes()), c);
    }

    /** A temporary copy of {@code target} (without the folders in {@code skip}), for a dry run. */
    static Workspace temporary(Path target, Set<Path> skip) {
        try {
            Path dir = Files.createTempDirectory("oasm-dry-run-");
            SortedMap<String, String> hashes = new TreeMap<>();
            if (Files.isRegularFile(target)) {
                Path to = dir.resolve(target.getFileName().toString());
                Files.copy(target, to, StandardCopyOption.COPY_ATTRIBUTES);
                hashes.put(to.getFileName().toString(), Hashes.sha256(Files.readAllBytes(to)));
            } else {
                Files.walkFileTree(target, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                        if (skip.contains(d.toAbsolutePath().normalize())) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        Files.createDirectories(dir.resolve(target.relativize(d).toString()));
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                        if (attrs.isRegularFile()) {
                            String rel = target.relativize(f).toString().replace('\\', '/');
                            Files.copy(f, dir.resolve(rel), StandardCopyOption.COPY_ATTRIBUTES);
                            hashes.put(rel, Hashes.sha256(Files.readAllBytes(f)));
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
            return new Workspace(dir, target, hashes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot copy for a dry run: " + e.getMessage(), e);
        }
    }

    Path dir() {
        return dir;
    }

    Path target() {
        return target;
    }

    /** The working copy, or null for a dry run. */
    WorkingCopy copy() {
        return copy;
    }

    String id() {
        return copy != null ? copy.copyId() : "dry-run";
    }

    /** The hash each file had when the workspace was made. */
    Map<String, String> initialHashes() {
        return initial;
    }

    /** The original file of a path in the workspace. */
    Path sourceOf(String rel) {
        return fileTarget ? target : target.resolve(rel);
    }

    /**
     * Undoes every change to a file outside {@code writable}: added files are deleted, changed or
     * deleted ones get their original bytes back. Returns how many files it put right.
     */
    int dropUnwritable(Set<String> writable) {
        int n = 0;
        SortedMap<String, Path> now = allFiles();
        for (Map.Entry<String, Path> e : now.entrySet()) {
            if (writable.contains(e.getKey())) {
                continue;
            }
            String was = initial.get(e.getKey());
            if (was == null) {
                delete(e.getValue());
                n++;
            } else if (!was.equals(hash(e.getValue()))) {
                restore(e.getKey());
                n++;
            }
        }
        for (String rel : initial.keySet()) {
            if (!now.containsKey(rel) && !writable.contains(rel)) {
                restore(rel);
                n++;
            }
        }
        return n;
    }

    /** Every regular file in the workspace, by relative path. */
    SortedMap<String, Path> allFiles() {
        SortedMap<String, Path> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> out.put(dir.relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    /** Deletes a temporary workspace (a working copy is committed or discarded by its owner). */
    void deleteTemporary() {
        if (copy != null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(Workspace::delete);
        } catch (IOException e) {
            // a temporary folder left behind holds only a copy
        }
    }

    private void restore(String rel) {
        try {
            Path to = dir.resolve(rel);
            Files.createDirectories(to.getParent());
            Files.copy(sourceOf(rel), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(sourceOf(rel) + ": cannot copy back into the working copy: " + e.getMessage(), e);
        }
    }

    private static String hash(Path p) {
        try {
            return Hashes.sha256(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": cannot delete: " + e.getMessage(), e);
        }
    }
}
