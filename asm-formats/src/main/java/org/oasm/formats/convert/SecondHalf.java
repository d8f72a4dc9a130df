package org.oasm.formats.convert;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The second reader of a fast conversion done in halves ({@link JsonToCborInHalves},
 * {@link CborToJsonInHalves}): it converts the rest of a large input on a thread of its own into
 * a scratch file, which the first reader copies to the output when it gets to where the second
 * began. The scratch file lives beside the output (or in the temporary folder for stdout) and is
 * deleted by {@link #close()}, whatever happened.
 */
final class SecondHalf implements AutoCloseable {

    private final Path scratch;
    private final OutputStream items;
    private FileInput reader;
    private Thread thread;
    private volatile Throwable failure;

    SecondHalf(Path scratchFolder) throws IOException {
        this.scratch = Files.createTempFile(scratchFolder, ".oasm-half", ".part");
        this.items = Files.newOutputStream(scratch);
    }

    /** Where the second reader writes. */
    OutputStream output() {
        return items;
    }

    /** Runs {@code job} (the conversion by {@code reader}) on a thread of its own. */
    void start(FileInput reader, Runnable job) {
        this.reader = reader;
        thread = Thread.ofPlatform().daemon().name("oasm-convert-second-half").start(() -> {
            try (items) {
                job.run();
            } catch (Throwable e) {
                failure = e;
            }
        });
    }

    /** Waits for the second reader; true when it converted its part. */
    boolean join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return failure == null;
    }

    /** Appends what the second reader wrote to {@code out}. */
    void copyTo(FastPath.Tracked out) {
        try {
            out.append(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the second reader if it still runs (its work is not needed). */
    void cancel() {
        if (thread != null && thread.isAlive()) {
            reader.cancel();
            join();
        }
    }

    @Override
    public void close() throws IOException {
        cancel();
        if (thread == null) {
            items.close();
        }
        Files.deleteIfExists(scratch);
    }
}
