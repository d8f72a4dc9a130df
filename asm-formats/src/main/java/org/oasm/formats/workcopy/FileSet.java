package org.oasm.formats.workcopy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.HexFormat;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

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
     * Copies {@code from} over {@code to} atomically and returns the SHA-256 of the bytes copied;
     * refuses (leaving {@code to} as it was) when {@code expectedSha256} is given and differs.
     */
    static String copyAtomically(Path from, Path to, String expectedSha256) {
        Path tmp = null;
        try {
            Files.createDirectories(to.getParent());
            tmp = Files.createTempFile(to.getParent(), "." + to.getFileName(), ".tmp");
            String sha;
            try (DigestInputStream in = new DigestInputStream(Files.newInputStream(from), sha256());
                 OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
                sha = hex(in.getMessageDigest());
            }
            if (expectedSha256 != null && !expectedSha256.equals(sha)) {
                throw new WorkingCopyException(from + ": changed while being copied (sha256 " + sha
                        + ", expected " + expectedSha256 + ")");
            }
            finish(tmp, to, Files.exists(to) ? to : from);
            return sha;
        } catch (IOException e) {
            throw new WorkingCopyException(to + ": cannot write: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Writes {@code bytes} to {@code to} atomically, keeping the permissions of a replaced file. */
    static void writeAtomically(Path to, byte[] bytes) {
        Path tmp = null;
        try {
            Files.createDirectories(to.getParent());
            tmp = Files.createTempFile(to.getParent(), "." + to.getFileName(), ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            finish(tmp, to, Files.exists(to) ? to : null);
        } catch (IOException e) {
            throw new WorkingCopyException(to + ": cannot write: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
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

    private static void finish(Path tmp, Path to, Path permissionsFrom) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        if (permissionsFrom != null) {
            PosixFileAttributeView src = Files.getFileAttributeView(permissionsFrom, PosixFileAttributeView.class);
            PosixFileAttributeView dst = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
            if (src != null && dst != null) {
                dst.setPermissions(src.readAttributes().permissions());
            }
        }
        Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
