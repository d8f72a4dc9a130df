package org.oasm.formats.convert;

import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import org.oasm.formats.document.Limits;

/**
 * JSON to CBOR straight from the input's bytes to the {@link CborWriter}, without events,
 * {@code char}s or a second thread: the common {@code oasm convert data.json --to cbor} at
 * several times the speed of the general path ({@link JsonReader} on Jackson's parser, the
 * document checks, and the hand-off between threads).
 *
 * <p>It applies the same rules, and gives up ({@link FastPath.GiveUp}) wherever the general path
 * would have something to say: malformed or unusual input (a byte-order mark, UTF-16, a control
 * character in a string, a number outside RFC 8259's grammar, invalid UTF-8, an unpaired
 * surrogate escape), a decimal that is not exact, a key that may repeat, nesting or a string
 * beyond the limits. The caller then runs the general path, which writes the same bytes (the
 * writer's output depends on the document alone) and reports the error, or the substitution
 * under {@code --lossy}, with its JSON Pointer.
 */
final class JsonToCbor extends FileInput {

    /** Numbers longer than this are left to the general path (Jackson allows 100,000 digits). */
    private static final int LONGEST_NUMBER = 800;

    private final CborWriter w;
    private final int maxDepth;
    private final int maxString;
    /** Per open container: whether it is an object, and the keys seen in it. */
    private boolean[] isObject = new boolean[32];
    private KeyHashes[] keys = new KeyHashes[32];
    private int depth;
    /** The deepest nesting reached. */
    private int deepest;
    /** Decoded content of a string with escapes. */
    private byte[] scratch = new byte[256];

    /** The offset of a comma in an array where another reader may have taken over, or -1. */
    private long meetAt = -1;
    private Meeting meeting;
    /** Reading from inside an array ({@link #runInsideArray}): the depth at which to stop, and where that was. */
    private int stopDepth = -1;
    private long stoppedAt = -1;

    /**
     * Another reader that converted the rest of an array from a comma on, which this one may take
     * over when it reaches that comma ({@link JsonToCborInHalves}).
     */
    interface Meeting {

        /**
         * This reader is at the comma, inside an array at {@code depth}: returns true after moving
         * it to the array's closing bracket, the items between written; false to go on reading.
         */
        boolean meet(JsonToCbor reader, int depth);

        /** This reader went past the comma without meeting there. */
        void missed();
    }

    JsonToCbor(FileChannel in, CborWriter writer, Limits limits) {
        super(in, limits.maxStringBytes());
        this.w = writer;
        this.maxDepth = limits.maxDepth();
        this.maxString = limits.maxStringBytes();
    }

    /** Offers the meeting at the comma at {@code offset}. */
    void meetAt(long offset, Meeting m) {
        this.meetAt = offset;
        this.meeting = m;
    }

    CborWriter writer() {
        return w;
    }

    int deepest() {
        return deepest;
    }

    /** Where reading from inside an array stopped: the offset of the array's closing bracket. */
    long stoppedAt() {
        return stoppedAt;
    }

    /** Whether the input starts the way plain UTF-8 JSON does (no byte-order mark, no UTF-16 or UTF-32). */
    static boolean looksPlain(byte[] head, int n) {
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < Math.min(n, 4); i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        int c = head[0] & 0xff;
        return c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n'
                || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Converts the whole input, or throws {@link FastPath.GiveUp}. */
    void run() {
        seek(0);
        if (!looksPlain(b, limit)) {
            throw new FastPath.GiveUp("not plain UTF-8 JSON");
        }
        int c = next();
        if (c < 0) {
            throw new FastPath.GiveUp("empty input");
        }
        while (true) {
            value(c);
            c = afterValue();
            if (c == -2) {
                w.finish();
                return;
            }
        }
    }

    /**
     * Converts the items of an array from {@code offset} (just after a comma between two of its
     * items) up to the array's closing bracket, whose offset {@link #stoppedAt()} then tells; the
     * items are written as the continuation of an indefinite-length array, without its break.
     * Throws {@link FastPath.GiveUp} when the bytes there do not read that way.
     */
    void runInsideArray(long offset) {
        seek(offset);
        depth = 1;
        deepest = 1;
        isObject[0] = false;
        stopDepth = 1;
        w.continueArray();
        while (true) {
            int c = next();
            if (c < 0) {
                throw new FastPath.GiveUp("end of input inside the array");
            }
            value(c);
            if (afterValue() == -3) {
                w.flushItems();
                return;
            }
        }
    }

    /** Reads one value starting with {@code c}; containers are opened here and closed in {@link #afterValue()}. */
    private void value(int c) {
        while (true) {
            switch (c) {
                case '{', '[' -> {
                    boolean object = c == '{';
                    p++;
                    open(object);
                    c = next();
                    if (c == (object ? '}' : ']')) {
                        p++;
                        close();
                        return;
                    }
                    if (object) {
                        key(c);
                        c = next();
                    }
                    continue;
                }
                case '"' -> string(false);
                case 't' -> literal("true", 0xf5);
                case 'f' -> literal("false", 0xf4);
                case 'n' -> literal("null", 0xf6);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        number();
                    } else {
                        throw new FastPath.GiveUp("unexpected byte");
                    }
                }
            }
            return;
        }
    }

    /**
     * After a value: closes the containers that end here and returns the first byte of the next
     * value, or -2 at the end of the document.
     */
    private int afterValue() {
        while (true) {
            int c = next();
            if (depth == 0) {
                if (c >= 0) {
                    throw new FastPath.GiveUp("content after the value");
                }
                return -2;
            }
            boolean object = isObject[depth - 1];
            if (c == ',') {
                if (!object && base + p == meetAt) {
                    meetAt = -1;
                    if (meeting.meet(this, depth)) {
                        continue;
                    }
                }
                p++;
                c = next();
                if (object) {
                    key(c);
                    c = next();
                }
                return c;
            }
            if (c == (object ? '}' : ']')) {
                if (depth == stopDepth) {
                    stoppedAt = base + p;
                    return -3;
                }
                p++;
                close();
                continue;
            }
            throw new FastPath.GiveUp("unexpected byte after a value");
        }
    }

    private void open(boolean object) {
        if (depth == maxDepth) {
            throw new FastPath.GiveUp("nesting limit");
        }
        if (depth == isObject.length) {
            isObject = java.util.Arrays.copyOf(isObject, depth * 2);
            keys = java.util.Arrays.copyOf(keys, depth * 2);
        }
        isObject[depth] = object;
        if (depth >= deepest) {
            deepest = depth + 1;
        }
        if (object) {
            KeyHashes k = keys[depth];
            if (k == null) {
                k = keys[depth] = new KeyHashes();
            }
            k.clear();
            w.startObject();
        } else {
            w.startArray();
        }
        depth++;
    }

    private void close() {
        depth--;
        if (isObject[depth]) {
            w.endObject();
        } else {
            w.endArray();
        }
    }

    /** A key at {@code c} (which must open a string), then its colon. */
    private void key(int c) {
        if (c != '"') {
            throw new FastPath.GiveUp("expected a key");
        }
        string(true);
        if (next() != ':') {
            throw new FastPath.GiveUp("expected a colon");
        }
        p++;
    }

    /** Skips whitespace and returns the byte at {@link #p} (not consumed), or -1 at the end of input. */
    private int next() {
        if (p < limit) {
            int c = b[p] & 0xff;
            if (c > ' ') {
                return c;
            }
        }
        return skipWhitespace();
    }

    private int skipWhitespace() {
        while (true) {
            while (p < limit) {
                byte c = b[p];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    return c & 0xff;
                }
                p++;
            }
            if (eof || !refill(p)) {
                return -1;
            }
        }
    }

    @Override
    void beforeRead() {
        if (meetAt >= 0 && base + p > meetAt) {
            meetAt = -1;
            meeting.missed();
        }
    }

    /** The string at {@link #p}, as a value or a key. */
    private void string(boolean key) {
        int start = p + 1;
        int i = start;
        while (true) {
            i = Utf8.plainJsonUpTo(b, i, limit);
            if (i < limit) {
                byte c = b[i];
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    escaped(key, start, i);
                    return;
                }
                if (c >= 0) {
                    throw new FastPath.GiveUp("control character in a string");
                }
                int n = sequence(i);
                if (n > 0) {
                    i += n;
                    continue;
                }
            }
            // the window ends in the string, or inside one of its characters: read on
            int before = p;
            if (eof || !refill(p)) {
                throw new FastPath.GiveUp("end of input in a string");
            }
            start -= before;
            i -= before;
        }
        int length = i - start;
        if (length > maxString) {
            throw new FastPath.GiveUp("string beyond the limit");
        }
        if (key) {
            keys[depth - 1].add(b, start, length);
            w.key(b, start, length);
        } else {
            w.text(b, start, length);
        }
        p = i + 1;
    }

    /** {@link Utf8#sequence} in the window: -1 when it ends inside the sequence; gives up on invalid UTF-8. */
    private int sequence(int i) {
        int n = Utf8.sequence(b, i, limit);
        if (n == 0) {
            throw new FastPath.GiveUp("invalid UTF-8");
        }
        return n;
    }

    /**
     * A string with escapes, whose bytes from {@code start} to {@code i} (the first backslash)
     * are plain: decoded into {@link #scratch}.
     */
    private void escaped(boolean key, int start, int i) {
        int n = i - start;
        room(n);
        System.arraycopy(b, start, scratch, 0, n);
        while (true) {
            if (i + 12 > limit && !eof) {
                int before = p;
                refill(p);
                i -= before;
                continue;
            }
            if (i >= limit) {
                throw new FastPath.GiveUp("end of input in a string");
            }
            byte c = b[i];
            if (c == '"') {
                break;
            }
            room(n + 4);
            if (c == '\\') {
                if (i + 1 >= limit) {
                    throw new FastPath.GiveUp("end of input in a string");
                }
                byte e = b[i + 1];
                i += 2;
                switch (e) {
                    case '"', '\\', '/' -> scratch[n++] = e;
                    case 'b' -> scratch[n++] = '\b';
                    case 'f' -> scratch[n++] = '\f';
                    case 'n' -> scratch[n++] = '\n';
                    case 'r' -> scratch[n++] = '\r';
                    case 't' -> scratch[n++] = '\t';
                    case 'u' -> {
                        int cp = hex4(i);
                        i += 4;
                        if (cp >= 0xd800 && cp <= 0xdbff) {
                            if (i + 6 > limit || b[i] != '\\' || b[i + 1] != 'u') {
                                throw new FastPath.GiveUp("unpaired surrogate");
                            }
                            int low = hex4(i + 2);
                            if (low < 0xdc00 || low > 0xdfff) {
                                throw new FastPath.GiveUp("unpaired surrogate");
                            }
                            i += 6;
                            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
                        } else if (cp >= 0xdc00 && cp <= 0xdfff) {
                            throw new FastPath.GiveUp("unpaired surrogate");
                        }
                        n = encode(cp, n);
                    }
                    default -> throw new FastPath.GiveUp("unknown escape");
                }
            } else if (c >= 0x20) {
                scratch[n++] = c;
                i++;
            } else if (c >= 0) {
                throw new FastPath.GiveUp("control character in a string");
            } else {
                int len = sequence(i);
                if (len < 0) {
                    throw new FastPath.GiveUp("end of input in a string");
                }
                System.arraycopy(b, i, scratch, n, len);
                n += len;
                i += len;
            }
            if (n > maxString) {
                throw new FastPath.GiveUp("string beyond the limit");
            }
        }
        if (key) {
            keys[depth - 1].add(scratch, 0, n);
            w.key(scratch, 0, n);
        } else {
            w.text(scratch, 0, n);
        }
        p = i + 1;
    }

    private void room(int n) {
        if (n + PADDING > scratch.length) {
            scratch = java.util.Arrays.copyOf(scratch, Math.max(n + PADDING, scratch.length * 2));
        }
    }

    private int hex4(int at) {
        if (at + 4 > limit) {
            throw new FastPath.GiveUp("end of input in an escape");
        }
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(b[k], 16);
            if (d < 0) {
                throw new FastPath.GiveUp("bad \\u escape");
            }
            v = v << 4 | d;
        }
        return v;
    }

    private int encode(int cp, int n) {
        if (cp < 0x80) {
            scratch[n++] = (byte) cp;
        } else if (cp < 0x800) {
            scratch[n++] = (byte) (0xc0 | cp >> 6);
            scratch[n++] = (byte) (0x80 | cp & 0x3f);
        } else if (cp < 0x10000) {
            scratch[n++] = (byte) (0xe0 | cp >> 12);
            scratch[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
            scratch[n++] = (byte) (0x80 | cp & 0x3f);
        } else {
            scratch[n++] = (byte) (0xf0 | cp >> 18);
            scratch[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
            scratch[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
            scratch[n++] = (byte) (0x80 | cp & 0x3f);
        }
        return n;
    }

    /** {@code true}, {@code false} or {@code null} at {@link #p}, written as the simple value {@code code}. */
    private void literal(String word, int code) {
        int n = word.length();
        if (p + n > limit && !eof) {
            refill(p);
        }
        if (p + n > limit) {
            throw new FastPath.GiveUp("end of input in a literal");
        }
        for (int k = 1; k < n; k++) {
            if (b[p + k] != word.charAt(k)) {
                throw new FastPath.GiveUp("unknown literal");
            }
        }
        p += n;
        if (code == 0xf6) {
            w.nul();
        } else {
            w.bool(code == 0xf5);
        }
    }

    /**
     * A number at {@link #p}, by RFC 8259's grammar: an integer exactly at any size, a decimal as
     * the nearest float64 when that is exact ({@link Decimals}).
     */
    private void number() {
        if (limit - p < 64 && !eof) {
            refill(p);
        }
        int start = p;
        int i = start;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        long digits = 0;
        int d;
        while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
            digits = digits * 10 + d;
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && b[intStart] == '0')) {
            throw new FastPath.GiveUp("not a number");
        }
        if (i < limit ? b[i] != '.' && (b[i] | 0x20) != 'e' : eof) {
            p = i;
            integer(negative, digits, intDigits, start, i);
            return;
        }
        fraction(start, negative, digits, intDigits, i);
    }

    /**
     * The rest of a number whose integer part ends at {@code i}: its fraction and exponent, or
     * more digits after the window's end (a rare case kept out of {@link #number()}, which the
     * compiler then keeps small).
     */
    private void fraction(int start, boolean negative, long digits, int intDigits, int i) {
        int d;
        int fracDigits = 0;
        int exponent = 0;
        if (i < limit && b[i] == '.') {
            int fracStart = ++i;
            while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
                digits = digits * 10 + d;
                i++;
            }
            fracDigits = i - fracStart;
            if (fracDigits == 0 && i < limit) {
                throw new FastPath.GiveUp("no digits after the point");
            }
        }
        if (i < limit && (b[i] | 0x20) == 'e') {
            i++;
            boolean negativeExponent = false;
            if (i < limit && (b[i] == '+' || b[i] == '-')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < limit && (d = b[i] - '0') >= 0 && d <= 9) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + d;
                }
                i++;
            }
            if (i == expStart && i < limit) {
                throw new FastPath.GiveUp("no digits in the exponent");
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i == limit && !eof) {
            // a number longer than what was left in the window: read on and parse it again
            if (i - start > LONGEST_NUMBER) {
                throw new FastPath.GiveUp("long number");
            }
            refill(p);
            number();
            return;
        }
        if (b[i - 1] < '0' || b[i - 1] > '9') {
            throw new FastPath.GiveUp("a number ends in its point or exponent");
        }
        p = i;
        w.float64(ShortestForm.decimal(b, start, i, negative, digits, intDigits + fracDigits, exponent - fracDigits));
    }

    /**
     * An integer: up to 19 digits, {@code digits} holds its magnitude exactly as an unsigned
     * 64-bit value (19 digits stay below 2^64); longer ones go through {@code BigInteger}.
     */
    private void integer(boolean negative, long digits, int allDigits, int start, int end) {
        if (allDigits <= 19) {
            w.integer(negative, digits);
            return;
        }
        BigInteger v = new BigInteger(new String(b, start, end - start, StandardCharsets.ISO_8859_1));
        if (v.bitLength() < 64) {
            w.integer(v.longValue());
        } else {
            w.integer(v);
        }
    }
}
