package org.oasm.formats.convert;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One-line JSON written as bytes for {@link CborToJson}, exactly as the general path's
 * {@link JsonWriter} (Jackson's generator) writes it: text as UTF-8 with Jackson's escapes
 * ({@code \"}, {@code \\}, {@code \b \t \n \f \r}, and {@code \}{@code u00XX} in upper-case hex
 * for the other controls; nothing else escaped), integers as {@code Long.toString} and
 * {@code BigInteger.toString} print them, floats as {@code Double.toString} does, byte strings as
 * base64url without padding.
 */
final class JsonBytes {

    /** Output bytes buffered before they are written. */
    private static final int SIZE = 1 << 20;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final OutputStream out;
    private byte[] o = new byte[SIZE];
    private int op;

    JsonBytes(OutputStream out) {
        this.out = out;
    }

    void put(byte c) {
        room(1);
        o[op++] = c;
    }

    /** Bytes that are ASCII and need no escapes (a number as it was written). */
    void raw(byte[] b, int from, int to) {
        int n = to - from;
        room(n);
        System.arraycopy(b, from, o, op, n);
        op += n;
    }

    /** Text that is ASCII and needs no escapes (numbers, literals). */
    void ascii(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        room(bytes.length);
        System.arraycopy(bytes, 0, o, op, bytes.length);
        op += bytes.length;
    }

    void integer(long v) {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        room(20);
        if (v < 0) {
            o[op++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long x = v; x >= 10; x /= 10) {
            digits++;
        }
        int at = op + digits;
        op = at;
        do {
            o[--at] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
    }

    /**
     * A float as {@code Double.toString} prints it, through a builder kept for it: the JDK writes
     * the digits into the builder's own bytes, where {@code Double.toString} would make a string
     * and {@code getBytes} a copy of it for every float.
     */
    void float64(double d) {
        StringBuilder f = floatText;
        f.setLength(0);
        f.append(d);
        int n = f.length();
        room(n);
        for (int i = 0; i < n; i++) {
            o[op + i] = (byte) f.charAt(i);
        }
        op += n;
    }

    private final StringBuilder floatText = new StringBuilder(32);

    /** A byte string as base64url text. */
    void base64url(byte[] b, int offset, int length) {
        byte[] encoded = new byte[(length * 4 + 2) / 3];
        BASE64URL.encode(ByteBuffer.wrap(b, offset, length)).get(encoded);
        room(encoded.length + 2);
        o[op++] = '"';
        System.arraycopy(encoded, 0, o, op, encoded.length);
        op += encoded.length;
        o[op++] = '"';
    }

    /**
     * The UTF-8 text {@code b[from, to)} quoted and escaped; false, with nothing useful written,
     * when it is not valid UTF-8. {@code b} must have seven readable bytes after {@code to}
     * ({@link Utf8#plainJsonUpTo}).
     */
    boolean quoted(byte[] b, int from, int to) {
        int length = to - from;
        if (length <= 64 && Utf8.plainJsonUpTo(b, from, to) == to) {
            room(length + 2);
            o[op] = '"';
            System.arraycopy(b, from, o, op + 1, length);
            o[op + length + 1] = '"';
            op += length + 2;
            return true;
        }
        room(2);
        o[op++] = '"';
        int i = from;
        while (i < to) {
            int plain = Utf8.plainJsonUpTo(b, i, to);
            int n = plain - i;
            room(n);
            System.arraycopy(b, i, o, op, n);
            op += n;
            i = plain;
            if (i == to) {
                break;
            }
            int c = b[i] & 0xff;
            if (c >= 0x80) {
                int s = Utf8.sequence(b, i, to);
                if (s <= 0) {
                    return false;
                }
                room(s);
                System.arraycopy(b, i, o, op, s);
                op += s;
                i += s;
            } else {
                escape(c);
                i++;
            }
        }
        room(1);
        o[op++] = '"';
        return true;
    }

    private void escape(int c) {
        room(6);
        o[op++] = '\\';
        switch (c) {
            case '"' -> o[op++] = '"';
            case '\\' -> o[op++] = '\\';
            case '\b' -> o[op++] = 'b';
            case '\t' -> o[op++] = 't';
            case '\n' -> o[op++] = 'n';
            case '\f' -> o[op++] = 'f';
            case '\r' -> o[op++] = 'r';
            default -> {
                o[op++] = 'u';
                o[op++] = '0';
                o[op++] = '0';
                o[op++] = HEX[c >> 4];
                o[op++] = HEX[c & 0xf];
            }
        }
    }

    private void room(int n) {
        if (op + n > o.length) {
            write();
            if (n > o.length) {
                o = new byte[n];
            }
        }
    }

    private void write() {
        try {
            out.write(o, 0, op);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        op = 0;
    }

    /** Writes out everything buffered. */
    void flush() {
        write();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
