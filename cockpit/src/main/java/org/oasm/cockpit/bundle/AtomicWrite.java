package org.oasm.cockpit.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The cockpit's atomic output for the files its commands write (session rules, diagnostic
 * indexes, exported files): a temporary file in the destination folder, synced and moved into
 * place with {@code ATOMIC_MOVE}; a failure deletes the temporary file and leaves the old file.
 */
public final class AtomicWrite {

    private AtomicWrite() {
    }

    /** Writes {@code bytes} to {@code target} atomically and durably (synced before the move). */
    public static void write(Path target, byte[] bytes) {
        write(target, bytes, true);
    }

    /**
     * Writes atomically; {@code sync} false skips the sync, for scratch files (a working copy)
     * where a crash may lose the write but must never leave half of it.
     */
    public static void write(Path target, byte[] bytes, boolean sync) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            if (sync) {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the target is untouched either way
                }
            }
        }
    }
}
