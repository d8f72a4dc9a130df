package org.oasm.formats.convert;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;
import org.oasm.formats.document.Limits;

/**
 * CBOR to JSON on two cores for a large file whose top-level item is an array of arrays or maps
 * (records, typically): while this thread converts from the start, a second one converts the
 * array's items from near the middle on into a scratch file.
 *
 * <p>The second reader guesses where an item starts there: the first place whose bytes are those
 * the array's first item begins with (for records, a map of as many pairs with the same first
 * key). The guess is checked when this thread gets there: only if an item of the top-level array
 * starts at that very byte (and, for an array of definite length, the second reader converted as
 * many items as were left) does it take the second reader's output, move to the end of the array
 * and carry on. Otherwise, or if the second reader gave up, this thread converts the rest itself.
 * The output is the bytes one reader writes.
 */
final class CborToJsonInHalves implements CborToJson.Meeting {

    /**
     * Where the second reader starts looking, in percent of the file: the middle. (Measured at
     * 40 to 54 on 200 MB: 50 is best or the same within the noise; the first reader copies the
     * second half's output as it is written, so a smaller first half gains nothing.)
     */
    private static final int SPLIT = 50;

    private final FastPath.Tracked out;
    private final SecondHalf half;
    private final CborToJson second;
    private volatile long start = -1;

    private CborToJsonInHalves(FastPath.Tracked out, SecondHalf half, CborToJson second) {
        this.out = out;
        this.half = half;
        this.second = second;
    }

    /**
     * Converts {@code input} to {@code out}, in halves when it has at least {@code halvesFrom}
     * bytes, else on this thread alone. {@code scratchFolder} holds the second half's output meanwhile.
     */
    static void convert(Path input, FastPath.Tracked out, Limits limits, Path scratchFolder, LongConsumer progress, long halvesFrom)
            throws IOException {
        SecondHalf.Progress counted = new SecondHalf.Progress(progress);
        try (FileChannel first = FileChannel.open(input, StandardOpenOption.READ)) {
            long size = first.size();
            CborToJson reader = new CborToJson(first, out, limits);
            reader.progress(counted.first());
            if (size < halvesFrom) {
                reader.run();
                return;
            }
            try (FileChannel rest = FileChannel.open(input, StandardOpenOption.READ);
                 SecondHalf half = new SecondHalf(scratchFolder)) {
                CborToJson second = new CborToJson(rest, half.output(), limits);
                second.progress(counted.second());
                CborToJsonInHalves halves = new CborToJsonInHalves(out, half, second);
                half.start(second, () -> second.runFrom(size / 100 * SPLIT, at -> halves.start = at));
                reader.meeting(halves);
                reader.run();
            }
        }
    }

    @Override
    public long startOfSecond() {
        return start;
    }

    @Override
    public boolean meet(CborToJson first) {
        long left = first.itemsLeft();
        if (left >= 0 ? !half.join() || left != second.converted() : half.failed()) {
            return false; // an array of definite length: the count must match before its items are taken
        }
        first.flushOutput();
        half.copyTo(out);
        first.resumeAt(second.stoppedAt());
        FastPath.HALVES_JOINED.incrementAndGet();
        return true;
    }

    @Override
    public void missed() {
        FastPath.HALVES_MISSED.incrementAndGet();
        half.cancel();
    }
}
