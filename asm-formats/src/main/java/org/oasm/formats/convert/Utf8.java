package org.oasm.formats.convert;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 text that must be valid (CBOR text strings, RFC 8949 section 3.1) straight from a
 * byte buffer: ASCII, the common case, in one pass; anything else is checked by the rules of
 * RFC 3629 (no overlong forms, no surrogates, nothing beyond U+10FFFF), the same the JDK's
 * decoder applies when it reports errors, and then decoded by the JDK.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf8() {
    }

    static String decode(byte[] b, int offset, int length, long itemStart) {
        int end = offset + length;
        int i = offset;
        while (i < end && b[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(b, offset, length, StandardCharsets.ISO_8859_1);
        }
        if (!valid(b, i, end)) {
            throw new CborDecoder.Malformed("text string is not valid UTF-8", itemStart);
        }
        return new String(b, offset, length, StandardCharsets.UTF_8);
    }

    static boolean valid(byte[] b, int from, int end) {
        int i = from;
        while (i < end) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = sequence(b, i, end);
            if (n <= 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /**
     * The first byte from {@code i} on that is not plain JSON string content, or {@code end}: a
     * byte is special when it is {@code "}, {@code \}, below 0x20 or above 0x7f. Eight bytes are
     * looked at a time, so {@code b} must have seven readable bytes after {@code end} (the fast
     * conversions' windows keep them); what is found there is not used.
     */
    static int plainJsonUpTo(byte[] b, int i, int end) {
        while (i < end) {
            long v = (long) LONGS.get(b, i);
            long quote = v ^ 0x2222222222222222L;
            long backslash = v ^ 0x5c5c5c5c5c5c5c5cL;
            long special = ((quote - 0x0101010101010101L) & ~quote)
                    | ((backslash - 0x0101010101010101L) & ~backslash)
                    | ((v - 0x2020202020202020L) & ~v)
                    | v;
            special &= 0x8080808080808080L;
            if (special != 0) {
                return Math.min(end, i + (Long.numberOfTrailingZeros(special) >>> 3));
            }
            i += 8;
        }
        return end;
    }

    /**
     * The length of the UTF-8 sequence at {@code i}, whose first byte is not ASCII: -1 when
     * {@code end} comes before the sequence does, 0 when it is not valid UTF-8 (RFC 3629: no
     * overlong forms, no surrogates, nothing beyond U+10FFFF).
     */
    static int sequence(byte[] b, int i, int end) {
        int c = b[i] & 0xff;
        int n;
        int lo = 0x80;
        int hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 3;
            lo = c == 0xe0 ? 0xa0 : 0x80;
            hi = c == 0xed ? 0x9f : 0xbf;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 4;
            lo = c == 0xf0 ? 0x90 : 0x80;
            hi = c == 0xf4 ? 0x8f : 0xbf;
        } else {
            return 0;
        }
        if (i + n > end) {
            return -1;
        }
        int second = b[i + 1] & 0xff;
        if (second < lo || second > hi) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            int cont = b[i + k] & 0xff;
            if (cont < 0x80 || cont > 0xbf) {
                return 0;
            }
        }
        return n;
    }
}
