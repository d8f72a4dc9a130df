package org.oasm.formats.convert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A pull decoder of CBOR data items (RFC 8949) that reports each item exactly as encoded: the
 * major type, tags, simple values, {@code undefined}, float widths and indefinite lengths, which
 * the rules of {@link CborReader} then judge. Byte and text strings split in chunks are joined;
 * text must be valid UTF-8. Malformed input (reserved additional information, a break outside
 * an indefinite-length item, a chunk of the wrong type, a truncated item) is reported with the
 * byte offset where it was found.
 */
final class CborDecoder {

    /** What {@link #next()} found. */
    enum Kind { UNSIGNED, NEGATIVE, BYTES, TEXT, ARRAY, MAP, TAG, FALSE, TRUE, NULL, UNDEFINED, SIMPLE, FLOAT16, FLOAT32, FLOAT64, BREAK, END }

    private final InputStream in;
    private final int maxString;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long consumed;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    private long itemStart;
    /** The argument: an unsigned value (as long bits), a length (-1 indefinite), a tag or a simple value. */
    long argument;
    byte[] bytes;
    String text;
    double floatValue;

    CborDecoder(InputStream in, int maxString) {
        this.in = in;
        this.maxString = maxString;
    }

    /** Offset of the first byte of the last item. */
    long itemOffset() {
        return itemStart;
    }

    /** Offset of the next byte to read. */
    long offset() {
        return consumed + pos;
    }

    /** Decodes the next item; {@link Kind#END} at a clean end of input. */
    Kind next() {
        itemStart = offset();
        int ib = readByteOrEnd();
        if (ib < 0) {
            return Kind.END;
        }
        int major = ib >>> 5;
        int info = ib & 0x1f;
        if (major == 7) {
            return simpleOrFloat(info);
        }
        if (info >= 28 && info <= 30) {
            throw new Malformed("reserved additional information " + info + " in initial byte 0x"
                    + Integer.toHexString(ib), itemStart);
        }
        if (info == 31) {
            if (major == 0 || major == 1 || major == 6) {
                throw new Malformed("indefinite length is not allowed for major type " + major, itemStart);
            }
            argument = -1;
        } else {
            argument = readArgument(info);
        }
        return switch (major) {
            case 0 -> Kind.UNSIGNED;
            case 1 -> Kind.NEGATIVE;
            case 2 -> {
                bytes = argument < 0 ? chunks(2) : readBytes(argument);
                yield Kind.BYTES;
            }
            case 3 -> {
                text = argument < 0 ? decodeText(chunks(3)) : readText(argument);
                yield Kind.TEXT;
            }
            case 4 -> Kind.ARRAY;
            case 5 -> Kind.MAP;
            default -> Kind.TAG;
        };
    }

    private Kind simpleOrFloat(int info) {
        switch (info) {
            case 20: return Kind.FALSE;
            case 21: return Kind.TRUE;
            case 22: return Kind.NULL;
            case 23: return Kind.UNDEFINED;
            case 24: {
                argument = readByte();
                if (argument < 32) {
                    throw new Malformed("simple value " + argument + " must be encoded in one byte", itemStart);
                }
                return Kind.SIMPLE;
            }
            case 25:
                floatValue = Float.float16ToFloat((short) readUnsigned(2));
                return Kind.FLOAT16;
            case 26:
                floatValue = Float.intBitsToFloat((int) readUnsigned(4));
                return Kind.FLOAT32;
            case 27:
                floatValue = Double.longBitsToDouble(readUnsigned(8));
                return Kind.FLOAT64;
            case 31:
                return Kind.BREAK;
            default:
                if (info < 20) {
                    argument = info;
                    return Kind.SIMPLE;
                }
                throw new Malformed("reserved additional information " + info + " for major type 7", itemStart);
        }
    }

    private long readArgument(int info) {
        if (info < 24) {
            return info;
        }
        return readUnsigned(1 << (info - 24));
    }

    private long readUnsigned(int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | readByte();
        }
        return v;
    }

    private byte[] chunks(int major) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        while (true) {
            long chunkAt = offset();
            int ib = readByte();
            if (ib == 0xff) {
                return all.toByteArray();
            }
            if (ib >>> 5 != major || (ib & 0x1f) == 31 || ((ib & 0x1f) >= 28)) {
                throw new Malformed("a chunk of an indefinite-length " + (major == 2 ? "byte" : "text")
                        + " string must be a definite-length string of the same type", chunkAt);
            }
            long n = readArgument(ib & 0x1f);
            if (all.size() + n > maxString) {
                throw new Malformed("string longer than " + maxString + " bytes", chunkAt);
            }
            byte[] chunk = readBytes(n);
            if (major == 3) {
                decodeText(chunk);
            }
            all.writeBytes(chunk);
        }
    }

    private String decodeText(byte[] raw) {
        try {
            return utf8.decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new Malformed("text string is not valid UTF-8", itemStart);
        }
    }

    /**
     * A definite-length text string, decoded where it lies in the buffer (moved to its start
     * first when it straddles the end); short ones are looked up among the strings decoded
     * recently, so that the keys a document repeats are one {@code String} each.
     */
    private String readText(long n) {
        if (n < 0 || n > buf.length) {
            return decodeText(readBytes(n));
        }
        int len = (int) n;
        if (limit - pos < len && !fillAtLeast(len)) {
            throw new Malformed("unexpected end of input inside a string (truncated?)", itemStart);
        }
        int at = pos;
        pos += len;
        if (len > CACHED_TEXT) {
            return Utf8.decode(buf, at, len, itemStart);
        }
        int slot = TextSlots.of(buf, at, len);
        byte[] cached = cachedBytes[slot];
        if (cached != null && java.util.Arrays.equals(cached, 0, cached.length, buf, at, at + len)) {
            return cachedText[slot];
        }
        String t = Utf8.decode(buf, at, len, itemStart);
        cachedBytes[slot] = java.util.Arrays.copyOfRange(buf, at, at + len);
        cachedText[slot] = t;
        return t;
    }

    private static final int CACHED_TEXT = 32;
    private final byte[][] cachedBytes = new byte[TextSlots.SIZE][];
    private final String[] cachedText = new String[TextSlots.SIZE];

    /** Moves the unread bytes to the start of the buffer and reads until {@code n} are there. */
    private boolean fillAtLeast(int n) {
        int left = limit - pos;
        System.arraycopy(buf, pos, buf, 0, left);
        consumed += pos;
        pos = 0;
        limit = left;
        try {
            while (limit < n) {
                int r = in.read(buf, limit, buf.length - limit);
                if (r < 0) {
                    return false;
                }
                limit += r;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] readBytes(long n) {
        if (n < 0 || n > maxString) {
            throw new Malformed("string of " + Long.toUnsignedString(n) + " bytes is longer than the limit of "
                    + maxString, itemStart);
        }
        int len = (int) n;
        byte[] out = new byte[len];
        int done = 0;
        while (done < len) {
            if (pos == limit && !fill()) {
                throw new Malformed("unexpected end of input inside a string (truncated?)", itemStart);
            }
            int k = Math.min(len - done, limit - pos);
            System.arraycopy(buf, pos, out, done, k);
            pos += k;
            done += k;
        }
        return out;
    }

    private int readByte() {
        if (pos == limit && !fill()) {
            throw new Malformed("unexpected end of input (truncated?)", itemStart);
        }
        return buf[pos++] & 0xff;
    }

    private int readByteOrEnd() {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    private boolean fill() {
        try {
            consumed += limit;
            pos = 0;
            limit = 0;
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Malformed CBOR at a byte offset. */
    static final class Malformed extends RuntimeException {
        final long offset;

        Malformed(String message, long offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

}
