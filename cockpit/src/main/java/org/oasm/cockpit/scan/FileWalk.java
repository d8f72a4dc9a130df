package org.oasm.cockpit.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * The files of a tree that git would not ignore: {@code .git} is skipped, and every folder's
 * {@code .gitignore} (and {@code .git/info/exclude} at the top) applies to what is below it, the
 * deepest file deciding first. Symbolic links are not followed. Files come out sorted by path.
 */
public final class FileWalk {

    /**
     * One file: its {@code /}-separated path relative to the walked folder, the file itself, and
     * its size as the walk saw it ({@code -1} when unknown).
     */
    public record Item(String path, Path file, long size) {
        public Item(String path, Path file) {
            this(path, file, -1);
        }
    }

    private record Level(String prefix, GitIgnore ignore) {
    }

    private FileWalk() {
    }

    /** The files under {@code top} (or {@code top} itself when it is a file); {@code skip} folders are left out. */
    public static List<Item> files(Path top, Set<Path> skip) {
        Path root = top.toAbsolutePath().normalize();
        if (Files.isRegularFile(root)) {
            return List.of(new Item(root.getFileName().toString(), root));
        }
        List<Item> out = new ArrayList<>();
        Deque<Level> levels = new ArrayDeque<>();
        GitIgnore exclude = GitIgnore.read(root.resolve(".git/info/exclude"));
        if (!exclude.isEmpty()) {
            levels.push(new Level("", exclude));
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String rel = relative(root, dir);
                    if (!rel.isEmpty() && (dir.getFileName().toString().equals(".git") || skip.contains(dir)
                            || ignored(levels, rel, true))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Path gi = dir.resolve(".gitignore");
                    levels.push(new Level(rel.isEmpty() ? "" : rel + "/", Files.isRegularFile(gi) ? GitIgnore.read(gi) : null));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        String rel = relative(root, file);
                        if (!ignored(levels, rel, false)) {
                            out.add(new Item(rel, file, attrs.size()));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    levels.pop();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot read: " + e.getMessage(), e);
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    private static boolean ignored(Deque<Level> levels, String rel, boolean dir) {
        for (Level l : levels) {
            if (l.ignore() == null || !rel.startsWith(l.prefix())) {
                continue;
            }
            Boolean d = l.ignore().decide(rel.substring(l.prefix().length()), dir);
            if (d != null) {
                return d;
            }
        }
        return false;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }
}
