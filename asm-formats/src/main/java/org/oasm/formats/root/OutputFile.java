package org.oasm.formats.root;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;

/**
 * The temporary file a command writes its output to before renaming it over the target, so that
 * a failure leaves nothing behind; and the targets that cannot be replaced so (devices, FIFOs),
 * which are written in place. It is made the way the output file itself would be made by any
 * program: with the permissions the umask gives a new file, or with those of the file it
 * replaces ({@code Files.createTempFile} would make it readable by its owner only, and the
 * output would keep that).
 */
public final class OutputFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OutputFile() {
    }

    /**
     * Where output named {@code out} goes: the file a symbolic link names (so that the output
     * replaces that file, not the link), or {@code out} itself.
     */
    public static Path target(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute) && Files.isRegularFile(absolute)) {
            try {
                return absolute.toRealPath();
            } catch (IOException e) {
                return absolute;
            }
        }
        return absolute;
    }

    /**
     * Whether output to {@code target} must be written into it as it is: a device, a FIFO or a
     * socket ({@code -o /dev/stdout}, {@code -o /dev/null}), which renaming a temporary file over
     * would replace with a regular file (and which has nothing to leave behind on failure).
     */
    public static boolean writtenInPlace(Path target) {
        return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
    }

    /** Creates {@code .NAME.RANDOM.tmp} beside {@code target}, with the permissions the output should have. */
    public static Path temporaryBeside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        for (int attempt = 0; ; attempt++) {
            Path temp = folder.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 100) {
                    continue;
                }
                throw e;
            }
            copyPermissions(absolute, temp);
            return temp;
        }
    }

    /** The permissions of {@code from}, if it exists, on {@code to}; nothing where POSIX permissions are unknown. */
    private static void copyPermissions(Path from, Path to) {
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (target == null || !Files.exists(from)) {
            return;
        }
        try {
            PosixFileAttributes existing = Files.readAttributes(from, PosixFileAttributes.class);
            target.setPermissions(existing.permissions());
        } catch (IOException | UnsupportedOperationException e) {
            // the output keeps the permissions of a new file
        }
    }
}
