package org.oasm.formats.convert;

import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 text that must be valid (CBOR text strings, RFC 8949 section 3.1) straight from a
 * byte buffer: ASCII, the common case, in one pass; anything else is checked by the rules of
 * RFC 3629 (no overlong forms, no surrogates, nothing beyond U+10FFFF), the same the JDK's
 * decoder applies when it reports errors, and then decoded by the JDK.
 */
final class Utf8 {

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
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xbf;
            if (c >= 0xc2 && c <= 0xdf) {
                n = 1;
            } else if (c >= 0xe0 && c <= 0xef) {
                n = 2;
                if (c == 0xe0) {
                    lo = 0xa0;
                } else if (c == 0xed) {
                    hi = 0x9f;
                }
            } else if (c >= 0xf0 && c <= 0xf4) {
                n = 3;
                if (c == 0xf0) {
                    lo = 0x90;
                } else if (c == 0xf4) {
                    hi = 0x8f;
                }
            } else {
                return false;
            }
            if (i + n >= end) {
                return false;
            }
            int second = b[i + 1] & 0xff;
            if (second < lo || second > hi) {
                return false;
            }
            for (int k = 2; k <= n; k++) {
                int cont = b[i + k] & 0xff;
                if (cont < 0x80 || cont > 0xbf) {
                    return false;
                }
            }
            i += n + 1;
        }
        return true;
    }
}
