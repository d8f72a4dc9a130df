package org.oasm.formats.convert;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.oasm.formats.document.DocumentSink;

/**
 * Writes events as CBOR in the preferred serialization of RFC 8949 section 4.1, in constant
 * memory:
 * <ul>
 * <li>integers in the shortest head; integers from -2^64 to 2^64-1 as major types 0 and 1, beyond
 *     that as bignums (tags 2 and 3) with the fewest bytes;</li>
 * <li>floats in the shortest of half, single and double precision that holds the value exactly
 *     (NaN as the canonical half-precision {@code 0xf97e00});</li>
 * <li>an array or map whose content (the encoding of its items) is at most
 *     {@link #DEFINITE_UP_TO} bytes has a definite length; a larger one is written with
 *     indefinite length (section 3.2.2), which is what keeps memory constant for any input
 *     size.</li>
 * </ul>
 * The output is a function of the document alone, not of how the events arrive or when the
 * buffer fills, so every reader that feeds this writer the same document gets the same bytes.
 * Each container starts as a one-byte indefinite-length head in the buffer. When it closes with
 * at most {@link #DEFINITE_UP_TO} bytes of content, the head is replaced by the definite one
 * (shifting the content when the count needs more than one byte); otherwise it keeps its
 * indefinite head and gets a break byte. When the buffer is full, the bytes before the outermost
 * container that may still get a definite length are written out; a container whose content has
 * grown past the bound is then known to be indefinite, so the buffer never holds more than about
 * {@link #DEFINITE_UP_TO} bytes that wait for a head.
 */
final class CborWriter implements DocumentSink {

    /** Containers with at most this many bytes of content get a definite length. */
    static final int DEFINITE_UP_TO = 1 << 20;

    private final OutputStream out;
    private byte[] buf = new byte[2 * DEFINITE_UP_TO + 64];
    private int pos;
    /** Per open container: position of its head in buf, or -1 once flushed; and its item count. */
    private int[] heads = new int[32];
    private long[] counts = new long[32];
    private boolean[] isMap = new boolean[32];
    private int depth;
    /**
     * The encodings of recently written keys, in slots chosen by the key's length and end
     * characters (cheaper than a hash of the whole key): documents repeat a few keys many times,
     * and parsers hand the same {@code String} for each occurrence.
     */
    private final String[] keyNames = new String[TextSlots.SIZE];
    private final byte[][] keyBytes = new byte[TextSlots.SIZE][];
    private static final int CACHED_KEY_CHARS = 64;

    CborWriter(OutputStream out) {
        this.out = out;
    }

    private void item() {
        if (depth > 0) {
            counts[depth - 1]++;
        }
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            makeRoom(n);
        }
    }

    /**
     * Writes out the bytes before the outermost open container that may still get a definite
     * length (those whose content already exceeds the bound are settled as indefinite), keeps the
     * rest at the start of the buffer, and grows the buffer if {@code n} bytes still do not fit.
     */
    private void makeRoom(int n) {
        int keep = pos;
        for (int i = 0; i < depth; i++) {
            int at = heads[i];
            if (at < 0) {
                continue;
            }
            if (pos - at - 1 > DEFINITE_UP_TO) {
                heads[i] = -1;
                continue;
            }
            keep = at;
            break;
        }
        write(buf, 0, keep);
        System.arraycopy(buf, keep, buf, 0, pos - keep);
        for (int i = 0; i < depth; i++) {
            if (heads[i] >= 0) {
                heads[i] -= keep;
            }
        }
        pos -= keep;
        if (pos + n > buf.length) {
            buf = java.util.Arrays.copyOf(buf, pos + n);
        }
    }

    /** Writes out everything: every open container stays indefinite. */
    private void flushAll() {
        write(buf, 0, pos);
        pos = 0;
        for (int i = 0; i < depth; i++) {
            heads[i] = -1;
        }
    }

    private void write(byte[] b, int offset, int length) {
        if (length == 0) {
            return;
        }
        try {
            out.write(b, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void head(int major, long value) {
        ensure(9);
        pos = writeHead(pos, major, value);
    }

    /** Writes a head at {@code at} (room must exist) and returns the position after it. */
    private int writeHead(int at, int major, long value) {
        int m = major << 5;
        int p = at;
        if (value >= 0 && value < 24) {
            buf[p++] = (byte) (m | value);
        } else if (value >= 0 && value < 0x100) {
            buf[p++] = (byte) (m | 24);
            buf[p++] = (byte) value;
        } else if (value >= 0 && value < 0x10000) {
            buf[p++] = (byte) (m | 25);
            buf[p++] = (byte) (value >> 8);
            buf[p++] = (byte) value;
        } else if (value >= 0 && value < 0x100000000L) {
            buf[p++] = (byte) (m | 26);
            p = putInt(p, (int) value);
        } else {
            buf[p++] = (byte) (m | 27);
            p = putInt(p, (int) (value >>> 32));
            p = putInt(p, (int) value);
        }
        return p;
    }

    private int putInt(int p, int v) {
        buf[p] = (byte) (v >>> 24);
        buf[p + 1] = (byte) (v >>> 16);
        buf[p + 2] = (byte) (v >>> 8);
        buf[p + 3] = (byte) v;
        return p + 4;
    }

    private void putInt(int v) {
        pos = putInt(pos, v);
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private static int headSize(long value) {
        return value < 24 ? 1 : value < 0x100 ? 2 : value < 0x10000 ? 3 : value < 0x100000000L ? 5 : 9;
    }

    private void open(boolean map) {
        item();
        if (depth == heads.length) {
            heads = java.util.Arrays.copyOf(heads, depth * 2);
            counts = java.util.Arrays.copyOf(counts, depth * 2);
            isMap = java.util.Arrays.copyOf(isMap, depth * 2);
        }
        ensure(1);
        heads[depth] = pos;
        counts[depth] = 0;
        isMap[depth] = map;
        buf[pos++] = (byte) (map ? 0xbf : 0x9f);
        depth++;
    }

    private void close() {
        int i = depth - 1;
        long n = isMap[i] ? counts[i] / 2 : counts[i];
        int size = headSize(n);
        ensure(size);
        depth--;
        int at = heads[depth];
        if (at < 0 || pos - at - 1 > DEFINITE_UP_TO) {
            buf[pos++] = (byte) 0xff;
            return;
        }
        if (size > 1) {
            System.arraycopy(buf, at + 1, buf, at + size, pos - at - 1);
        }
        pos += size - 1;
        writeHead(at, isMap[depth] ? 5 : 4, n);
    }

    @Override
    public void startObject() {
        open(true);
    }

    @Override
    public void key(String name) {
        counts[depth - 1]++;
        if (name.length() > CACHED_KEY_CHARS) {
            writeText(name);
            return;
        }
        ensure(3 * name.length() + 9);
        int slot = TextSlots.of(name);
        String cached = keyNames[slot];
        if (cached != null && (cached == name || cached.equals(name))) {
            byte[] b = keyBytes[slot];
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
            return;
        }
        int start = pos;
        writeText(name);
        keyNames[slot] = name;
        keyBytes[slot] = java.util.Arrays.copyOfRange(buf, start, pos);
    }

    @Override
    public void endObject() {
        close();
    }

    @Override
    public void startArray() {
        open(false);
    }

    @Override
    public void endArray() {
        close();
    }

    @Override
    public void string(String value) {
        item();
        writeText(value);
    }

    private void writeText(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        head(3, utf8.length);
        raw(utf8);
    }

    @Override
    public void string(char[] text, int offset, int length) {
        item();
        if (length <= SHORT_TEXT) {
            ensure(length + 3);
            int start = pos;
            int p = writeHead(pos, 3, length);
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                char c = text[i];
                if (c >= 0x80) {
                    p = -1;
                    break;
                }
                buf[p++] = (byte) c;
            }
            if (p >= 0) {
                pos = p;
                return;
            }
            pos = start;
        }
        writeText(new String(text, offset, length));
    }

    /** Text up to this many characters is encoded straight into the buffer when it is ASCII. */
    private static final int SHORT_TEXT = 4096;

    private void raw(byte[] b) {
        raw(b, 0, b.length);
    }

    /**
     * Appends string content. Content of at least {@link #DEFINITE_UP_TO} bytes makes every open
     * container indefinite, so everything buffered is written out and the content after it,
     * without a copy.
     */
    private void raw(byte[] b, int offset, int length) {
        if (length >= DEFINITE_UP_TO) {
            flushAll();
            write(b, offset, length);
            return;
        }
        ensure(length);
        System.arraycopy(b, offset, buf, pos, length);
        pos += length;
    }

    /**
     * Continues the items of an array whose indefinite-length head another writer has written,
     * as a writer of the rest of a document that was split ({@link JsonToCborInHalves}).
     */
    void continueArray() {
        open(false);
        pos = 0;
        heads[depth - 1] = -1;
    }

    /** Writes out everything buffered, leaving the open containers open (indefinite). */
    void flushItems() {
        flushAll();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Settles as indefinite every open container whose content already exceeds the bound, and
     * tells whether all of them are, so that everything buffered may be written out.
     */
    boolean openContainersIndefinite() {
        boolean all = true;
        for (int i = 0; i < depth; i++) {
            if (heads[i] >= 0 && pos - heads[i] - 1 > DEFINITE_UP_TO) {
                heads[i] = -1;
            }
            all &= heads[i] < 0;
        }
        return all;
    }

    /** A text string given as its UTF-8 bytes, which the caller has checked. */
    void text(byte[] utf8, int offset, int length) {
        item();
        writeText(utf8, offset, length);
    }

    /** The key of the next value, given as its UTF-8 bytes, which the caller has checked. */
    void key(byte[] utf8, int offset, int length) {
        counts[depth - 1]++;
        writeText(utf8, offset, length);
    }

    private void writeText(byte[] utf8, int offset, int length) {
        if (length < 24 && pos + 24 <= buf.length) {
            buf[pos] = (byte) (0x60 | length);
            System.arraycopy(utf8, offset, buf, pos + 1, length);
            pos += length + 1;
            return;
        }
        head(3, length);
        raw(utf8, offset, length);
    }

    @Override
    public void integer(long value) {
        item();
        if (value >= 0) {
            head(0, value);
        } else {
            head(1, -1 - value);
        }
    }

    /** An integer given by its sign and its magnitude, an unsigned 64-bit value (-0 is 0). */
    void integer(boolean negative, long magnitude) {
        item();
        if (!negative || magnitude == 0) {
            head(0, magnitude);
        } else {
            head(1, magnitude - 1);
        }
    }

    @Override
    public void integer(BigInteger value) {
        item();
        boolean negative = value.signum() < 0;
        BigInteger magnitude = negative ? value.negate().subtract(BigInteger.ONE) : value;
        if (magnitude.bitLength() <= 64) {
            ensure(9);
            buf[pos++] = (byte) ((negative ? 1 : 0) << 5 | 27);
            putLong(magnitude.longValue());
            return;
        }
        byte[] b = magnitude.toByteArray();
        int skip = b[0] == 0 ? 1 : 0;
        head(6, negative ? 3 : 2);
        head(2, b.length - skip);
        byte[] exact = java.util.Arrays.copyOfRange(b, skip, b.length);
        raw(exact);
    }

    @Override
    public void float64(double value) {
        item();
        writeFloat(value);
    }

    @Override
    public void float32(float value) {
        item();
        writeFloat(value);
    }

    private void writeFloat(double value) {
        ensure(9);
        if (Double.isNaN(value)) {
            buf[pos++] = (byte) 0xf9;
            buf[pos++] = 0x7e;
            buf[pos++] = 0;
            return;
        }
        float f = (float) value;
        if (f == value || Double.isInfinite(value)) {
            short h = Float.floatToFloat16(f);
            if (Float.float16ToFloat(h) == f && (Float.floatToRawIntBits(f) < 0) == (h < 0)) {
                buf[pos++] = (byte) 0xf9;
                buf[pos++] = (byte) (h >> 8);
                buf[pos++] = (byte) h;
                return;
            }
            buf[pos++] = (byte) 0xfa;
            putInt(Float.floatToRawIntBits(f));
            return;
        }
        buf[pos++] = (byte) 0xfb;
        putLong(Double.doubleToRawLongBits(value));
    }

    @Override
    public void bool(boolean value) {
        item();
        ensure(1);
        buf[pos++] = (byte) (value ? 0xf5 : 0xf4);
    }

    @Override
    public void nul() {
        item();
        ensure(1);
        buf[pos++] = (byte) 0xf6;
    }

    @Override
    public void bytes(byte[] value) {
        item();
        head(2, value.length);
        raw(value);
    }

    @Override
    public void finish() {
        flushAll();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
