package org.oasm.formats.convert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.LongConsumer;

/**
 * The input side of the fast conversions ({@link JsonToCbor}, {@link CborToJson}): a window of a
 * file in a byte array that the converter reads in place. The window is read in chunks by
 * position, so two converters can read one file from two places at once; it keeps
 * {@link #PADDING} spare bytes after the data, so that eight bytes can be read from any position
 * before {@link #limit} in one load.
 */
abstract class FileInput {

    /** Bytes read from the file at a time; the window grows only for a longer item. */
    static final int CHUNK = 1 << 16;
    /** Bytes kept free after the data. */
    static final int PADDING = 8;

    private final FileChannel in;
    /** The window: bytes {@code [0, limit)} hold the file from offset {@link #base} on. */
    protected byte[] b = new byte[CHUNK + PADDING];
    /** The next byte to read. */
    protected int p;
    protected int limit;
    /** Whether the file has no bytes after {@link #limit}. */
    protected boolean eof;
    /** The file offset of {@code b[0]}. */
    protected long base;
    private long readAt;
    private final long largestWindow;
    private LongConsumer progress;
    private volatile boolean cancelled;

    /** {@code largestItem}: the window grows up to about this many bytes for one item, then gives up. */
    FileInput(FileChannel in, long largestItem) {
        this.in = in;
        this.largestWindow = largestItem + 2L * CHUNK;
    }

    /** Told how many bytes each read brought (may be null). */
    final void progress(LongConsumer p) {
        this.progress = p;
    }

    /** Makes the converter give up at its next read (another thread may call this). */
    final void cancel() {
        cancelled = true;
    }

    /** Moves the window to {@code offset} of the file. */
    final void seek(long offset) {
        base = offset;
        readAt = offset;
        p = 0;
        limit = 0;
        eof = false;
        refill(0);
    }

    /** Called before each read of the file. */
    void beforeRead() {
    }

    /**
     * Moves the bytes from {@code keep} on to the start of the window (growing it when they fill
     * it) and reads more after them. Returns false at the end of the file.
     */
    final boolean refill(int keep) {
        if (cancelled) {
            throw new FastPath.GiveUp("cancelled");
        }
        beforeRead();
        int kept = limit - keep;
        if (keep > 0) {
            System.arraycopy(b, keep, b, 0, kept);
        } else if (kept == b.length - PADDING) {
            if (b.length > largestWindow) {
                throw new FastPath.GiveUp("item beyond the limit");
            }
            b = java.util.Arrays.copyOf(b, 2 * b.length - PADDING);
        }
        p -= keep;
        base += keep;
        limit = kept;
        try {
            ByteBuffer into = ByteBuffer.wrap(b, limit, Math.min(b.length - PADDING - limit, CHUNK));
            while (into.hasRemaining()) {
                int n = in.read(into, readAt);
                if (n < 0) {
                    break;
                }
                readAt += n;
            }
            int n = into.position() - limit;
            if (progress != null && n > 0) {
                progress.accept(n);
            }
            if (n == 0) {
                eof = true;
                return false;
            }
            limit += n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes at least {@code n} bytes from {@link #p} on available, reading on; false if the file ends first. */
    final boolean need(int n) {
        while (limit - p < n) {
            if (eof || !refill(p)) {
                return false;
            }
        }
        return true;
    }
}
