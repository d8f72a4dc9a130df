package org.oasm.formats.convert;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import org.oasm.formats.document.Limits;

/**
 * CBOR to one-line JSON straight from the input's bytes, without events or {@code String}s: the
 * common {@code oasm convert data.cbor --to json -o out.json}, several times faster than the
 * general path ({@link CborReader} and Jackson's generator in {@link JsonWriter}), whose output
 * it reproduces byte for byte: Jackson's escapes, numbers as {@code Long.toString} and
 * {@code Double.toString} print them, byte strings as base64url, bignums as integers.
 *
 * <p>It gives up ({@link FastPath.GiveUp}) wherever the general path has something to judge or
 * say: tags other than bignums and a leading self-described CBOR tag, NaN and the infinities,
 * {@code undefined} and other simple values, keys that are not text or may repeat,
 * indefinite-length strings, malformed or truncated input, invalid UTF-8, the nesting and string
 * limits. The general path then writes the same bytes and reports the error or makes the
 * {@code --lossy} substitution.
 */
final class CborToJson extends FileInput {

    private final JsonBytes out;
    private final int maxDepth;
    private final int maxString;

    /** Per open container: items (arrays) or pairs (maps) left, -1 for indefinite length. */
    private long[] left = new long[32];
    private boolean[] isMap = new boolean[32];
    private boolean[] first = new boolean[32];
    private KeyHashes[] keys = new KeyHashes[32];
    private int depth;
    /** Nesting levels outside the containers: 1 under a leading self-described CBOR tag. */
    private int outer;
    /** A second reader that may take over the top-level array's items ({@link CborToJsonInHalves}). */
    private Meeting meeting;
    /** Where a second reader stopped: the offset after the top-level array's last item. */
    private long stoppedAt = -1;
    /** How many items a second reader converted. */
    private long converted;
    /** Where the second reader starts, once known (the meeting's volatile field is read until then). */
    private long secondStart = -1;

    /**
     * A second reader converting the items of the top-level array from one of them on, which this
     * reader may take over when it gets there.
     */
    interface Meeting {

        /** The offset of the item the second reader starts at, or -1 while it is not known yet. */
        long startOfSecond();

        /**
         * This reader is at that item: returns true after the second reader's items were written
         * and this reader moved past them ({@link #resumeAt}); false to go on reading.
         */
        boolean meet(CborToJson first);

        /** This reader went past that item without meeting there. */
        void missed();
    }

    CborToJson(FileChannel in, OutputStream out, Limits limits) {
        super(in, limits.maxStringBytes());
        this.out = new JsonBytes(out);
        this.maxDepth = limits.maxDepth();
        this.maxString = limits.maxStringBytes();
    }

    /** Offers a second reader's items ({@link CborToJsonInHalves}). */
    void meeting(Meeting m) {
        this.meeting = m;
    }

    /** Where {@link #runFrom} stopped: the offset after the top-level array's last item. */
    long stoppedAt() {
        return stoppedAt;
    }

    /** Converts the whole input, or throws {@link FastPath.GiveUp}. */
    void run() {
        seek(0);
        if (limit == 0) {
            throw new FastPath.GiveUp("empty input");
        }
        selfDescribed();
        item();
        convert(TO_THE_END);
        if (need(1)) {
            throw new FastPath.GiveUp("bytes after the data item");
        }
        out.put((byte) '\n');
        out.flush();
    }

    /** Skips a leading self-described CBOR tag, which counts as one level of nesting. */
    private void selfDescribed() {
        if (need(3) && (b[p] & 0xff) == 0xd9 && (b[p + 1] & 0xff) == 0xd9 && (b[p + 2] & 0xff) == 0xf7) {
            p += 3;
            outer = 1;
        }
    }

    /**
     * Guesses where an item of the top-level array starts from {@code offset} on, and converts
     * the items from there, each after a comma, up to the end of the array (without the closing
     * bracket). The guess is the first place whose bytes are those the array's first item begins
     * with (a map of as many pairs with the same first key, for an array of records); the reader
     * that gets there from the start checks it. Tells {@code start} where the first item is.
     */
    void runFrom(long offset, java.util.function.LongConsumer start) {
        seek(0);
        selfDescribed();
        if (!need(1 + SIGNATURE + 9)) {
            throw new FastPath.GiveUp("too short");
        }
        int info = b[p] & 0x1f;
        if ((b[p] & 0xff) >>> 5 != 4 || info >= 28 && info != 31) {
            throw new FastPath.GiveUp("not an array");
        }
        boolean definite = info != 31;
        if (definite) {
            argument(info);
        } else {
            p++;
        }
        int kind = (b[p] & 0xff) >>> 5;
        if (kind != 4 && kind != 5) {
            throw new FastPath.GiveUp("the first item is not a container");
        }
        byte[] signature = java.util.Arrays.copyOfRange(b, p, p + SIGNATURE);
        seek(offset);
        int at = find(signature);
        if (at < 0) {
            throw new FastPath.GiveUp("no item found near the offset");
        }
        p = at;
        start.accept(base + p);
        left[0] = -1;
        isMap[0] = false;
        first[0] = false;
        depth = 1;
        convert(definite ? TO_THE_END_OF_INPUT : TO_THE_BREAK);
        out.flush();
    }

    /** Bytes of the first item that identify the start of another. */
    private static final int SIGNATURE = 4;

    /** The first position in the window where {@code signature} is, or -1. */
    private int find(byte[] signature) {
        outer:
        for (int i = p; i + signature.length <= limit; i++) {
            for (int k = 0; k < signature.length; k++) {
                if (b[i + k] != signature[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** How many items of the top-level array {@link #runFrom} converted. */
    long converted() {
        return converted;
    }

    /** Writes out the output buffered so far. */
    void flushOutput() {
        out.flush();
    }

    /**
     * After a second reader's items were written: goes on at {@code offset}, where the top-level
     * array ends, none of its items left.
     */
    void resumeAt(long offset) {
        seek(offset);
        if (left[0] > 0) {
            left[0] = 0;
        }
    }

    /** Items of the top-level array still to convert (-1: indefinite length). */
    long itemsLeft() {
        return left[0];
    }

    /** How {@link #convert} ends: when the containers are closed, or for a second reader at the top-level array's end. */
    private static final int TO_THE_END = 0;
    private static final int TO_THE_BREAK = 1;
    private static final int TO_THE_END_OF_INPUT = 2;

    /**
     * Converts the items of the open containers until they are closed; a second reader
     * ({@link #runFrom}) stops before the top-level array's break ({@link #TO_THE_BREAK}) or at
     * the end of the input ({@link #TO_THE_END_OF_INPUT}, for an array of definite length) and
     * remembers where ({@link #stoppedAt()}).
     */
    private void convert(int until) {
        while (depth > 0) {
            int d = depth - 1;
            if (d == 0 && meeting != null && meetHere()) {
                continue;
            }
            if (left[d] == 0) {
                close();
                continue;
            }
            if (left[d] < 0) {
                if (!need(1)) {
                    if (until == TO_THE_END_OF_INPUT && d == 0) {
                        stoppedAt = base + p;
                        return;
                    }
                    throw new FastPath.GiveUp("end of input in a container");
                }
                if (b[p] == (byte) 0xff) {
                    if (d == 0 && until != TO_THE_END) {
                        if (until == TO_THE_BREAK) {
                            stoppedAt = base + p;
                            return;
                        }
                        throw new FastPath.GiveUp("a break in an array of definite length");
                    }
                    p++;
                    close();
                    continue;
                }
            } else {
                left[d]--;
            }
            if (d == 0) {
                converted++;
            }
            if (first[d]) {
                first[d] = false;
            } else {
                out.put((byte) ',');
            }
            if (isMap[d]) {
                key(d);
            }
            item();
        }
    }

    /**
     * At an item boundary of the top-level container: whether the second reader's items were
     * taken here. Once this reader is at or past where the second one starts, the meeting is over.
     */
    private boolean meetHere() {
        long at = base + p;
        if (at < secondStart) {
            return false;
        }
        long start = meeting.startOfSecond();
        if (start < 0) {
            return false;
        }
        secondStart = start;
        if (at < start) {
            return false;
        }
        Meeting m = meeting;
        meeting = null;
        if (at == start && !isMap[0] && !first[0]) {
            return m.meet(this);
        }
        m.missed();
        return false;
    }

    private void close() {
        depth--;
        out.put(isMap[depth] ? (byte) '}' : (byte) ']');
    }

    /** The argument of the head at {@link #p} with additional information {@code info} (< 28), after which {@link #p} stands. */
    private long argument(int info) {
        if (info < 24) {
            p++;
            return info;
        }
        int n = 1 << (info - 24);
        if (!need(n + 1)) {
            throw new FastPath.GiveUp("truncated head");
        }
        long v = 0;
        for (int i = 1; i <= n; i++) {
            v = v << 8 | (b[p + i] & 0xff);
        }
        p += n + 1;
        return v;
    }

    private void key(int d) {
        int length = definiteString(3);
        keys[d].add(b, p, length);
        text(length);
        out.put((byte) ':');
    }

    /** Converts one data item; an array or map is opened and left to the loop in {@link #run()}. */
    private void item() {
        if (!need(1)) {
            throw new FastPath.GiveUp("end of input");
        }
        int ib = b[p] & 0xff;
        int major = ib >>> 5;
        int info = ib & 0x1f;
        if (major == 7) {
            simple(info);
            return;
        }
        if (info == 31 && (major == 4 || major == 5)) {
            p++;
            open(major == 5, -1);
            return;
        }
        if (info >= 28) {
            throw new FastPath.GiveUp("reserved head or indefinite-length string");
        }
        long arg = argument(info);
        switch (major) {
            case 0 -> {
                if (arg >= 0) {
                    out.integer(arg);
                } else {
                    out.ascii(Long.toUnsignedString(arg));
                }
            }
            case 1 -> {
                if (arg >= 0) {
                    out.integer(-1 - arg);
                } else {
                    out.ascii(BigInteger.valueOf(arg).add(BigInteger.ONE.shiftLeft(64)).add(BigInteger.ONE).negate().toString());
                }
            }
            case 2 -> {
                int n = length(arg);
                out.base64url(b, p, n);
                p += n;
            }
            case 3 -> text(length(arg));
            case 4, 5 -> open(major == 5, arg);
            default -> tag(arg);
        }
    }

    private void open(boolean map, long count) {
        if (depth + outer >= maxDepth) {
            throw new FastPath.GiveUp("nesting limit");
        }
        if (depth == left.length) {
            left = java.util.Arrays.copyOf(left, depth * 2);
            isMap = java.util.Arrays.copyOf(isMap, depth * 2);
            first = java.util.Arrays.copyOf(first, depth * 2);
            keys = java.util.Arrays.copyOf(keys, depth * 2);
        }
        left[depth] = count;
        isMap[depth] = map;
        first[depth] = true;
        if (map) {
            KeyHashes k = keys[depth];
            if (k == null) {
                k = keys[depth] = new KeyHashes();
            }
            k.clear();
        }
        depth++;
        out.put(map ? (byte) '{' : (byte) '[');
    }

    /** Major type 7: false, true, null and finite floats; the rest is left to the general path. */
    private void simple(int info) {
        switch (info) {
            case 20 -> {
                p++;
                out.ascii("false");
            }
            case 21 -> {
                p++;
                out.ascii("true");
            }
            case 22 -> {
                p++;
                out.ascii("null");
            }
            case 25, 26, 27 -> {
                long bits = argument(info);
                double d = info == 25 ? Float.float16ToFloat((short) bits)
                        : info == 26 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
                if (!Double.isFinite(d)) {
                    throw new FastPath.GiveUp("not a finite number");
                }
                out.float64(d);
            }
            default -> throw new FastPath.GiveUp("simple value");
        }
    }

    /** A text string of {@code length} bytes at {@link #p}, checked as UTF-8. */
    private void text(int length) {
        if (!out.quoted(b, p, p + length)) {
            throw new FastPath.GiveUp("invalid UTF-8");
        }
        p += length;
    }

    /** Tags 2 and 3 around a definite-length byte string: a bignum, written as an integer. */
    private void tag(long tag) {
        if ((tag != 2 && tag != 3) || depth + outer + 1 > maxDepth) {
            throw new FastPath.GiveUp("tag");
        }
        int length = definiteString(2);
        BigInteger n = new BigInteger(1, b, p, length);
        p += length;
        out.ascii((tag == 2 ? n : n.negate().subtract(BigInteger.ONE)).toString());
    }

    /**
     * The head at {@link #p} of a definite-length string of {@code major} type (a map key, a
     * bignum's bytes): its length, with {@link #p} at its bytes; gives up on anything else.
     */
    private int definiteString(int major) {
        if (!need(1) || (b[p] & 0xff) >>> 5 != major || (b[p] & 0x1f) >= 28) {
            throw new FastPath.GiveUp("not a definite-length string of major type " + major);
        }
        return length(argument(b[p] & 0x1f));
    }

    /** A string's length, checked against the limit, with its bytes made available from {@link #p}. */
    private int length(long arg) {
        if (arg < 0 || arg > maxString) {
            throw new FastPath.GiveUp("string beyond the limit");
        }
        int n = (int) arg;
        if (!need(n)) {
            throw new FastPath.GiveUp("end of input in a string");
        }
        return n;
    }

}
