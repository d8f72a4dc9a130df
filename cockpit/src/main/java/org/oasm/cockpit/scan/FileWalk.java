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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The files of a tree that git would not ignore: {@code .git} is skipped, and every folder's
 * {@code .gitignore} (and {@code .git/info/exclude} at the top) applies to what is below it, the
 * deepest file deciding first. When the tree is a folder inside a git work tree, the
 * {@code .gitignore} files of the folders above it, up to the work tree's top, and that top's
 * {@code .git/info/exclude} apply as well, as git applies them (the folder itself is walked even
 * if they ignore it: it was asked for by name). A working copy is walked with the ignore files
 * of the place it was copied from ({@link #walkAs}). Symbolic links are not followed. {@link #files} gives them sorted
 * by path; {@link #feed} hands them out in small batches while the walk goes on, in the order the
 * walk finds them (a consumer that needs an order sorts what it made of them).
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

    /**
     * The ignore file of one folder: it applies to the paths that begin with {@code prefix}
     * (relative to the walked folder), and sees them as {@code lead} followed by the rest of the
     * path ({@code lead} is the walked folder's path from a folder above it; empty below).
     */
    private record Level(String prefix, String lead, GitIgnore ignore) {
    }

    /** The time during which a working copy is walked as its origin. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Working copies being walked as the folders they were copied from (see {@link #walkAs}). */
    private static final Map<Path, Path> ORIGINS = new ConcurrentHashMap<>();

    private FileWalk() {
    }

    /**
     * Until the returned handle is closed, walks of {@code copy} (or of a folder in it) apply the
     * ignore files above {@code origin}, the folder it was copied from: a command block's working
     * copy selects the files that the project itself would.
     */
    public static Scope walkAs(Path copy, Path origin) {
        Path key = copy.toAbsolutePath().normalize();
        ORIGINS.put(key, origin.toAbsolutePath().normalize());
        return () -> ORIGINS.remove(key);
    }

    /** The files under {@code top} (or {@code top} itself when it is a file); {@code skip} folders are left out. */
    public static List<Item> files(Path top, Set<Path> skip) {
        List<Item> out = new ArrayList<>();
        walk(top, skip, out::addAll);
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    /**
     * Walks on a thread of its own, handing out the files {@link #BATCH} at a time as it finds
     * them, so that a scan can start on the first ones while the walk goes on (and while the
     * rules load). A failure of the walk is thrown by {@link Feed#next} once the files found
     * before it are handed out.
     */
    public static Feed feed(Path top, Set<Path> skip) {
        Feed f = new Feed();
        Thread.ofPlatform().daemon().name("oasm-walk").start(() -> {
            try {
                walk(top, skip, f::put);
            } catch (RuntimeException | Error e) {
                f.failure = e;
            } finally {
                f.queue.add(Feed.END);
            }
        });
        return f;
    }

    /** How many files a batch of a {@link #feed} holds (the last one may hold fewer). */
    public static final int BATCH = 16;

    /** The files of a walk in the order it finds them, in batches (see {@link #feed}). */
    public static final class Feed {
        private static final List<Item> END = List.of();
        private final BlockingQueue<List<Item>> queue = new LinkedBlockingQueue<>();
        private volatile Throwable failure;
        private boolean ended;

        private Feed() {
        }

        private void put(List<Item> batch) {
            if (!batch.isEmpty()) {
                queue.add(batch);
            }
        }

        /**
         * The next batch of files, or null when the walk is over; the walk's failure (once, to
         * the caller that reaches the end) when it failed. Safe to call from several threads.
         */
        public synchronized List<Item> next() {
            if (ended) {
                return null;
            }
            List<Item> batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("walk interrupted", e);
            }
            if (batch == END) {
                ended = true;
                Throwable t = failure;
                if (t instanceof RuntimeException re) {
                    throw re;
                }
                if (t instanceof Error err) {
                    throw err;
                }
                return null;
            }
            return batch;
        }
    }

    /** Walks the tree, giving {@code sink} the files found, at most {@link #BATCH} at a time. */
    private static void walk(Path top, Set<Path> skip, Consumer<List<Item>> sink) {
        Path root = top.toAbsolutePath().normalize();
        if (Files.isRegularFile(root)) {
            sink.accept(List.of(new Item(root.getFileName().toString(), root)));
            return;
        }
        Deque<Level> levels = new ArrayDeque<>();
        above(origin(root)).forEach(levels::push);
        var visitor = new SimpleFileVisitor<Path>() {
            private List<Item> batch = new ArrayList<>(BATCH);

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = relative(root, dir);
                if (!rel.isEmpty() && (dir.getFileName().toString().equals(".git") || skip.contains(dir)
                        || ignored(levels, rel, true))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path gi = dir.resolve(".gitignore");
                levels.push(new Level(rel.isEmpty() ? "" : rel + "/", "", Files.isRegularFile(gi) ? GitIgnore.read(gi) : null));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    String rel = relative(root, file);
                    if (!ignored(levels, rel, false)) {
                        batch.add(new Item(rel, file, attrs.size()));
                        if (batch.size() == BATCH) {
                            sink.accept(batch);
                            batch = new ArrayList<>(BATCH);
                        }
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
        };
        try {
            Files.walkFileTree(root, visitor);
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot read: " + e.getMessage(), e);
        }
        sink.accept(visitor.batch);
    }

    private static boolean ignored(Deque<Level> levels, String rel, boolean dir) {
        for (Level l : levels) {
            if (l.ignore() == null || !rel.startsWith(l.prefix())) {
                continue;
            }
            Boolean d = l.ignore().decide(l.lead() + rel.substring(l.prefix().length()), dir);
            if (d != null) {
                return d;
            }
        }
        return false;
    }

    /** Where the ignore files that apply from above {@code root} are read: its origin if it is (in) a working copy. */
    private static Path origin(Path root) {
        for (Path p = root; p != null && !ORIGINS.isEmpty(); p = p.getParent()) {
            Path origin = ORIGINS.get(p);
            if (origin != null) {
                return origin.resolve(p.relativize(root).toString());
            }
        }
        return root;
    }

    /**
     * The ignore rules that apply to {@code dir} from above, outermost first: the work tree's
     * {@code .git/info/exclude}, then the {@code .gitignore} of each folder from the work tree's
     * top down to {@code dir}'s parent; {@code dir}'s own exclude file if it is the top. None
     * outside a git work tree.
     */
    private static List<Level> above(Path dir) {
        List<Path> folders = new ArrayList<>();
        Path top = null;
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                top = d;
                break;
            }
            folders.add(d);
        }
        List<Level> out = new ArrayList<>();
        if (top == null) {
            return out;
        }
        GitIgnore exclude = GitIgnore.read(top.resolve(".git/info/exclude"));
        if (!exclude.isEmpty()) {
            out.add(new Level("", lead(top, dir), exclude));
        }
        if (!top.equals(dir)) {
            folders.add(top);
            for (int i = folders.size() - 1; i >= 1; i--) {
                Path gi = folders.get(i).resolve(".gitignore");
                if (Files.isRegularFile(gi)) {
                    out.add(new Level("", lead(folders.get(i), dir), GitIgnore.read(gi)));
                }
            }
        }
        return out;
    }

    private static String lead(Path from, Path dir) {
        String rel = relative(from, dir);
        return rel.isEmpty() ? "" : rel + "/";
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }
}
