package org.oasm.formats.convert;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import org.oasm.formats.document.Limits;

/**
 * JSON to CBOR on two cores for a large file that is mostly one array (of records, typically):
 * while this thread converts the file from its start, a second one converts the array's items
 * from a comma near the middle on, into a scratch file.
 *
 * <p>The second reader cannot know what the bytes before its comma were, so it guesses: a comma
 * between a closing and an opening bracket, which in a large file is nearly always the boundary
 * between two items of an array. The guess is checked when the first reader gets there: only if
 * it reaches that very comma between two items of an array (not inside a string, not in an
 * object) does it take the second reader's items, move on to the array's closing bracket and
 * carry on. Otherwise, or if the second reader gave up, the first reader converts the rest
 * itself. Either way the output is the same bytes a single reader writes: items do not depend on
 * where the array is, and an array this large is written with indefinite length.
 */
final class JsonToCborInHalves implements JsonToCbor.Meeting {

    /**
     * Where the second reader starts, in percent of the file: the middle. (Measured at 40 to 58
     * on 200 MB: 50 is best or the same within the noise; the first reader copies the second
     * half's output as it is written, so a smaller first half gains nothing.)
     */
    private static final int SPLIT = 50;
    /** How far past the split a comma to start from is looked for. */
    private static final int WINDOW = 1 << 20;

    private final Limits limits;
    private final FastPath.Tracked out;
    private final SecondHalf half;
    private JsonToCbor second;

    private JsonToCborInHalves(Limits limits, FastPath.Tracked out, SecondHalf half) {
        this.limits = limits;
        this.out = out;
        this.half = half;
    }

    /**
     * Converts {@code input} to {@code out}, in halves when it has at least {@code halvesFrom}
     * bytes and splits well, else on this thread alone. {@code scratchFolder} holds the second half's output meanwhile.
     */
    static void convert(Path input, FastPath.Tracked out, Limits limits, Path scratchFolder, LongConsumer progress, long halvesFrom)
            throws IOException {
        SecondHalf.Progress counted = new SecondHalf.Progress(progress);
        try (FileChannel first = FileChannel.open(input, StandardOpenOption.READ)) {
            long size = first.size();
            long comma = size >= halvesFrom ? commaNear(first, size / 100 * SPLIT) : -1;
            JsonToCbor reader = new JsonToCbor(first, new CborWriter(out), limits);
            reader.progress(counted.first());
            if (comma < 0) {
                reader.run();
                return;
            }
            try (FileChannel rest = FileChannel.open(input, StandardOpenOption.READ);
                 SecondHalf half = new SecondHalf(scratchFolder)) {
                JsonToCborInHalves halves = new JsonToCborInHalves(limits, out, half);
                halves.second = new JsonToCbor(rest, new CborWriter(half.output()), limits);
                halves.second.progress(counted.second());
                half.start(halves.second, () -> halves.second.runInsideArray(comma + 1));
                reader.meetAt(comma, halves);
                reader.run();
            }
        }
    }

    /**
     * The offset of the first comma from {@code from} on that has a closing bracket before it and
     * an opening one after it (whitespace aside), or -1.
     */
    static long commaNear(FileChannel in, long from) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(WINDOW);
        while (window.hasRemaining() && in.read(window, from + window.position()) > 0) {
            // fill the window
        }
        byte[] b = window.array();
        int n = window.position();
        for (int i = 0; i < n; i++) {
            if (b[i] != ',') {
                continue;
            }
            int before = i - 1;
            while (before >= 0 && isSpace(b[before])) {
                before--;
            }
            int after = i + 1;
            while (after < n && isSpace(b[after])) {
                after++;
            }
            if (before >= 0 && after < n && (b[before] == '}' || b[before] == ']') && (b[after] == '{' || b[after] == '[')) {
                return from + i;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    @Override
    public boolean meet(JsonToCbor first, int depth) {
        if (half.failed() || !first.writer().openContainersIndefinite()) {
            return false;
        }
        first.writer().flushItems();
        half.copyTo(out);
        if (depth - 1 + second.deepest() > limits.maxDepth()) {
            throw new FastPath.GiveUp("nesting limit in the second half");
        }
        first.seek(second.stoppedAt());
        FastPath.HALVES_JOINED.incrementAndGet();
        return true;
    }

    @Override
    public void missed() {
        FastPath.HALVES_MISSED.incrementAndGet();
        half.cancel();
    }
}
