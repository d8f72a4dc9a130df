package org.oasm.formats.workcopy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * File operations copy-on-work is built from, each safe against a crash: every write goes to a
 * temporary file in the destination folder, is synced, and is moved into place with
 * {@code ATOMIC_MOVE}, so a file is either its old bytes or its new bytes, never half of each.
 * Permissions of a replaced file are kept (an executable script stays executable).
 */
final class FileSet {

    private FileSet() {
    }

    /** The regular files under {@code dir}, by {@code /}-separated relative path. Symbolic links are refused. */
    static SortedMap<String, Path> walk(Path dir) {
        return walk(dir, Set.of());
    }

    /** {@link #walk(Path)}, skipping the folders in {@code skip} (the OASM root's own folders). */
    static SortedMap<String, Path> walk(Path dir, Set<Path> skip) {
        SortedMap<String, Path> files = new TreeMap<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return skip.contains(d.toAbsolutePath().normalize()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        throw new WorkingCopyException(file + ": symbolic links are not supported in working copies");
                    }
                    if (attrs.isRegularFile()) {
                        files.put(relative(dir, file), file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new WorkingCopyException(dir + ": cannot read: " + e.getMessage(), e);
        }
        return files;
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** {@code root/rel}, refusing a relative path that is absolute or climbs out of {@code root}. */
    static Path inside(Path root, String rel) {
        Path resolved = root.resolve(rel).normalize();
        if (rel.isEmpty() || Path.of(rel).isAbsolute() || !resolved.startsWith(root.normalize()) || resolved.equals(root.normalize())) {
            throw new WorkingCopyException(rel + ": not a path inside " + root);
        }
        return resolved;
    }

    /** Lowercase hex SHA-256 of a file's bytes; null when the file does not exist. */
    static String sha256OrNull(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return hex(((DigestInputStream) in).getMessageDigest());
        } catch (IOException e) {
            throw new WorkingCopyException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static byte[] readOrNull(Path file) {
        try {
            return Files.exists(file, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new WorkingCopyException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * A file written and synced to a temporary file beside its destination, not yet moved into
     * place: {@link #install} moves many at once.
     */
    record Staged(Path tmp, Path to, Path permissionsFrom, String sha256) {
    }

    /**
     * Copies {@code from} over {@code to} atomically and returns the SHA-256 of the bytes copied;
     * refuses (leaving {@code to} as it was) when {@code expectedSha256} is given and differs.
     */
    static String copyAtomically(Path from, Path to, String expectedSha256) {
        Staged s = stageCopy(from, to, expectedSha256);
        install(List.of(s));
        return s.sha256();
    }

    /** Writes {@code bytes} to {@code to} atomically, keeping the permissions of a replaced file. */
    static void writeAtomically(Path to, byte[] bytes) {
        install(List.of(stageBytes(to, bytes, null)));
    }

    /**
     * Copies {@code from} to a synced temporary file beside {@code to}; refuses (and leaves
     * nothing) when {@code expectedSha256} is given and the bytes copied differ. The copy takes
     * the permissions of {@code to} if it exists, else those of {@code from}.
     */
    static Staged stageCopy(Path from, Path to, String expectedSha256) {
        try (InputStream in = Files.newInputStream(from)) {
            return stage(to, Files.exists(to) ? to : from, expectedSha256, from, out -> {
                MessageDigest digest = sha256();
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    digest.update(buf, 0, n);
                    writeFully(out, ByteBuffer.wrap(buf, 0, n));
                }
                return hex(digest);
            });
        } catch (IOException e) {
            throw new WorkingCopyException(from + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code bytes} to a synced temporary file beside {@code to}. It takes the permissions
     * of {@code to} if it exists, else those of {@code permissionsFrom} (null: owner only).
     */
    static Staged stageBytes(Path to, byte[] bytes, Path permissionsFrom) {
        return stage(to, Files.exists(to) ? to : permissionsFrom, null, null, out -> {
            writeFully(out, ByteBuffer.wrap(bytes));
            return sha256(bytes);
        });
    }

    /** Stages every job side by side ({@link ParallelStaging}); on a failure none is left. */
    static List<Staged> stageAll(List<Supplier<Staged>> jobs) {
        return ParallelStaging.run(jobs);
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** Writes the content of a staged file; returns its SHA-256. */
    private interface Content {
        String writeTo(FileChannel out) throws IOException;
    }

    /**
     * The temporary file: created beside {@code to} (owner-only until installed), then written,
     * synced and closed through one channel. {@code source} names the file read, for a
     * changed-while-copied error.
     */
    private static Staged stage(Path to, Path permissionsFrom, String expectedSha256, Path source, Content content) {
        Path tmp = null;
        try {
            Files.createDirectories(to.getParent());
            tmp = Files.createTempFile(to.getParent(), "." + to.getFileName(), ".tmp");
            String sha;
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                sha = content.writeTo(out);
                if (expectedSha256 != null && !expectedSha256.equals(sha)) {
                    throw new WorkingCopyException(source + ": changed while being copied (sha256 " + sha
                            + ", expected " + expectedSha256 + ")");
                }
                out.force(true);
            }
            Staged staged = new Staged(tmp, to, permissionsFrom, sha);
            tmp = null;
            return staged;
        } catch (IOException e) {
            throw new WorkingCopyException(to + ": cannot write: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Moves the staged files into place with {@code ATOMIC_MOVE}, each with the permissions it
     * takes, so a crash leaves every destination with its old bytes or its new ones (their
     * content was synced when staged). The temporary files of any not moved are deleted.
     */
    static void install(List<Staged> staged) {
        int moved = 0;
        try {
            for (; moved < staged.size(); moved++) {
                Staged s = staged.get(moved);
                try {
                    copyPermissions(s.permissionsFrom(), s.tmp());
                    Files.move(s.tmp(), s.to(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new WorkingCopyException(s.to() + ": cannot write: " + e.getMessage(), e);
                }
            }
        } finally {
            discard(staged.subList(moved, staged.size()));
        }
    }

    /** One file a commit or a restore puts in its new state: the bytes of {@code from}, or absent when null. */
    record Replacement(Path target, Path from, String expectedSha256) {
    }

    /**
     * Puts every file in its new state: the new bytes staged side by side and moved into place,
     * then the files whose new state is absent deleted, with the folders that leaves empty up
     * to {@code root}.
     */
    static void replaceAll(List<Replacement> replacements, Path root) {
        List<Supplier<Staged>> writes = new ArrayList<>();
        for (Replacement r : replacements) {
            if (r.from() != null) {
                writes.add(() -> stageCopy(r.from(), r.target(), r.expectedSha256()));
            }
        }
        install(stageAll(writes));
        for (Replacement r : replacements) {
            if (r.from() == null) {
                delete(r.target());
                deleteEmptyParents(r.target().getParent(), root);
            }
        }
    }

    /** Deletes the temporary files of staged files not moved into place. */
    static void discard(List<Staged> staged) {
        for (Staged s : staged) {
            deleteQuietly(s.tmp());
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (from == null) {
            return;
        }
        PosixFileAttributeView src = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dst = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (src != null && dst != null) {
            dst.setPermissions(src.readAttributes().permissions());
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new WorkingCopyException(file + ": cannot delete: " + e.getMessage(), e);
        }
    }

    /** Deletes {@code dir} and its parents while they are empty, stopping at {@code root}. */
    static void deleteEmptyParents(Path dir, Path root) {
        Path stop = root.toAbsolutePath().normalize();
        for (Path d = dir.toAbsolutePath().normalize(); d != null && d.startsWith(stop) && !d.equals(stop); d = d.getParent()) {
            try (var entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
                Files.delete(d);
            } catch (IOException e) {
                return;
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new WorkingCopyException(dir + ": cannot delete: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more can be done; the original file is untouched either way
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest());
    }
}
