package org.oasm.formats.convert;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * The second reader of a fast conversion done in halves ({@link JsonToCborInHalves},
 * {@link CborToJsonInHalves}): it converts the rest of a large input on a thread of its own into
 * a scratch file, which the first reader copies to the output when it gets to where the second
 * began, as the second reader writes it if that one is still at work. The scratch file lives
 * beside the output (or in the temporary folder for stdout) and is deleted by {@link #close()},
 * whatever happened.
 */
final class SecondHalf implements AutoCloseable {

    private final Path scratch;
    private final OutputStream items;
    /** Bytes the second reader has written to the scratch file so far. */
    private final AtomicLong written = new AtomicLong();
    private FileInput reader;
    private Thread thread;
    private volatile Throwable failure;
    private volatile boolean finished;

    SecondHalf(Path scratchFolder) throws IOException {
        this.scratch = Files.createTempFile(scratchFolder, ".oasm-half", ".part");
        OutputStream file = Files.newOutputStream(scratch);
        this.items = new FilterOutputStream(file) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                written.addAndGet(len);
            }
        };
    }

    /**
     * Progress over both readers: each adds the bytes it reads to one total, which the first
     * reader's thread reports ({@code report} is told totals from that thread only; may be null).
     */
    static final class Progress {
        private final AtomicLong read = new AtomicLong();
        private final LongConsumer report;

        Progress(LongConsumer report) {
            this.report = report;
        }

        LongConsumer first() {
            return report == null ? null : n -> report.accept(read.addAndGet(n));
        }

        LongConsumer second() {
            return report == null ? null : read::addAndGet;
        }
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
            } finally {
                finished = true;
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

    /** Whether the second reader has failed (so far). */
    boolean failed() {
        return failure != null;
    }

    /**
     * Appends what the second reader writes to {@code out}, as it writes it, until it has
     * finished. Throws {@link FastPath.GiveUp} if it fails meanwhile: part of its output may be
     * out, so only the general path can go on.
     */
    void copyTo(FastPath.Tracked out) {
        try (FileChannel in = FileChannel.open(scratch, StandardOpenOption.READ)) {
            long copied = 0;
            while (true) {
                boolean done = finished;
                long available = written.get();
                if (copied < available) {
                    out.append(in, copied, available - copied);
                    copied = available;
                } else if (done) {
                    if (failure != null) {
                        throw new FastPath.GiveUp("the second half failed after its output was being copied");
                    }
                    return;
                } else {
                    LockSupport.parkNanos(200_000);
                }
            }
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
