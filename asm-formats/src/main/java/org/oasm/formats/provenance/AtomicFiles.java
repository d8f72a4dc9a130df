package org.oasm.formats.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Whole-file writes that a crash can never leave half done: the bytes go to a temporary file in
 * the destination folder, optionally forced to disk, and are moved into place atomically; a
 * failure deletes the temporary file.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static void write(Path target, byte[] bytes, boolean force) {
        uninterrupted(() -> writeNow(target, bytes, force));
    }

    /**
     * Runs {@code write} with the thread's interrupt status cleared, and restores it afterwards. A
     * cancelled command's thread is interrupted, and an interrupted thread's file channel closes on
     * its next read or write; the record of a cancelled command, the one that says it was
     * cancelled, must be written all the same.
     */
    static void uninterrupted(Runnable write) {
        boolean interrupted = Thread.interrupted();
        try {
            write.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void writeNow(Path target, byte[] bytes, boolean force) {
        Path folder = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (force) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed; that is the error to report
                }
            }
        }
    }
}
