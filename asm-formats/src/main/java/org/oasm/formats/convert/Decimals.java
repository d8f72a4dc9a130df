package org.oasm.formats.convert;

import java.math.BigInteger;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;
import tools.jackson.core.io.NumberInput;

/**
 * How a decimal number written in text (JSON, YAML) becomes a binary float, and when that is
 * exact. A decimal converts exactly when the nearest 64-bit float, printed in its shortest form,
 * denotes the same number: {@code 0.1} does, {@code 3.14159265358979323846} does not (it needs
 * more digits than a float64 holds) and neither does {@code 1e400} (beyond the float64 range).
 * Inexact decimals are refused unless {@code --lossy}, which writes the nearest float.
 *
 * <p>Decimals of at most 15 significant digits with a moderate exponent are always exact
 * (a float64 holds 15 decimal digits), so only longer ones pay for a digit-by-digit comparison
 * with the float's shortest form.
 */
final class Decimals {

    private Decimals() {
    }

    static void emit(String text, Context context, DocumentSink sink) {
        double d;
        try {
            d = NumberInput.parseDouble(text, true); // Jackson's fast parser, correctly rounded like the JDK's
        } catch (NumberFormatException e) {
            throw context.malformed("not a number: " + text);
        }
        emit(text, d, context, sink);
    }

    /** A decimal already parsed (by Jackson's fast parser) to {@code d}. */
    static void emit(String text, double d, Context context, DocumentSink sink) {
        if (context.deferral() == sink && sink instanceof Handoff.Events events) {
            events.decimal(text, d); // checked on the writing side, where the pointer is known
            return;
        }
        if (!fastExact(text)) {
            checkExact(text, d, context);
        }
        sink.float64(d);
    }

    /**
     * A decimal given as characters of a parser's buffer, already parsed to {@code d}: the
     * {@code String} is made only for a decimal that needs the digit-by-digit comparison.
     */
    static void emit(char[] text, int offset, int length, double d, Context context, DocumentSink sink) {
        if (context.deferral() == sink && sink instanceof Handoff.Events events) {
            events.decimal(text, offset, length, d);
            return;
        }
        if (!fastExact(text, offset, length) && !isShortest(text, offset, length, d)) {
            checkExact(new String(text, offset, length), d, context);
        }
        sink.float64(d);
    }

    /**
     * Whether a decimal given as ASCII bytes, parsed to the finite {@code d}, is exact: the text is
     * the float's shortest form character for character (the common case, settled without a
     * {@code String} of the text), or denotes the same number.
     */
    static boolean isExact(byte[] text, int offset, int length, double d) {
        String shortest = Double.toString(d);
        if (shortest.length() == length) {
            int i = 0;
            while (i < length && shortest.charAt(i) == text[offset + i]) {
                i++;
            }
            if (i == length) {
                return true;
            }
        }
        String s = new String(text, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        return fastExact(s) || sameDecimal(s, shortest);
    }

    /** An integer in text (decimal digits with an optional sign) as an exact value. */
    static void integer(String digits, int radix, Context context, DocumentSink sink) {
        boolean negative = digits.startsWith("-");
        String body = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        if (body.length() < (radix == 10 ? 18 : radix == 16 ? 15 : 20)) {
            long v = Long.parseLong(body, radix);
            sink.integer(negative ? -v : v);
            return;
        }
        BigInteger v = new BigInteger(body, radix);
        if (negative) {
            v = v.negate();
        }
        emit(v, sink);
    }

    static void emit(BigInteger v, DocumentSink sink) {
        if (v.bitLength() < 64) {
            sink.integer(v.longValue());
        } else {
            sink.integer(v);
        }
    }

    /**
     * Whether the text is, character for character, the float's shortest form: the common case
     * of a long decimal (one printed by a program from a float64), settled without the
     * digit-by-digit comparison.
     */
    private static boolean isShortest(char[] text, int offset, int length, double d) {
        String shortest = Double.toString(d);
        if (shortest.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (shortest.charAt(i) != text[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static void checkExact(String text, double d, Context context) {
        if (Double.isInfinite(d)) {
            context.substitute(text, d > 0 ? "Infinity" : "-Infinity",
                    "decimal " + abbreviate(text) + " is beyond the float64 range");
            return;
        }
        if (!sameDecimal(text, Double.toString(d))) {
            context.substitute(abbreviate(text), Double.toString(d),
                    "decimal " + abbreviate(text) + " has more digits than a float64 holds");
        }
    }

    /**
     * Whether two decimal texts denote the same number, compared by their significant digits and
     * decimal exponent (no {@code BigDecimal}: this runs for every long decimal of a large file).
     */
    static boolean sameDecimal(String a, String b) {
        char[] da = new char[a.length()];
        char[] db = new char[b.length()];
        long[] ea = new long[2];
        long[] eb = new long[2];
        int na = significant(a, da, ea);
        int nb = significant(b, db, eb);
        if (na == 0 || nb == 0) {
            return na == nb;
        }
        return java.util.Arrays.equals(da, (int) ea[1], (int) ea[1] + na, db, (int) eb[1], (int) eb[1] + nb)
                && ea[0] == eb[0] && (a.charAt(0) == '-') == (b.charAt(0) == '-');
    }

    /**
     * Collects the digits of {@code t} into {@code digits}; returns how many are significant (no
     * leading or trailing zeros), with {@code out[1]} the index of the first and {@code out[0]}
     * the decimal exponent of the first.
     */
    private static int significant(String t, char[] digits, long[] out) {
        int n = t.length();
        int count = 0;
        long pointPos = -1;
        int i = 0;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits[count++] = c;
            } else if (c == '.') {
                pointPos = count;
            } else if (c == 'e' || c == 'E') {
                break;
            }
        }
        long e = 0;
        if (i < n) {
            int j = i + 1;
            boolean negative = false;
            if (j < n && (t.charAt(j) == '+' || t.charAt(j) == '-')) {
                negative = t.charAt(j) == '-';
                j++;
            }
            for (; j < n && e < 1_000_000_000L; j++) {
                e = e * 10 + (t.charAt(j) - '0');
            }
            e = negative ? -e : e;
        }
        if (pointPos < 0) {
            pointPos = count;
        }
        int lead = 0;
        while (lead < count && digits[lead] == '0') {
            lead++;
        }
        int end = count;
        while (end > lead && digits[end - 1] == '0') {
            end--;
        }
        out[0] = e + pointPos - lead - 1;
        out[1] = lead;
        return end - lead;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** At most 15 significant digits and an exponent well inside the normal range. */
    static boolean fastExact(String text) {
        return fastExact(text.toCharArray(), 0, text.length());
    }

    static boolean fastExact(char[] t, int offset, int length) {
        int digits = 0;
        boolean leading = true;
        int end = offset + length;
        int i = offset;
        for (; i < end; i++) {
            char c = t[i];
            if (c >= '0' && c <= '9') {
                if (c != '0' || !leading) {
                    leading = false;
                    digits++;
                }
            } else if (c == 'e' || c == 'E') {
                break;
            } else if (c != '.' && c != '-' && c != '+') {
                return false;
            }
        }
        if (digits > 15) {
            return false;
        }
        if (i < end) {
            int j = i + 1;
            if (j < end && (t[j] == '-' || t[j] == '+')) {
                j++;
            }
            if (j == end || end - j > 3) {
                return false;
            }
            int e = 0;
            for (; j < end; j++) {
                char c = t[j];
                if (c < '0' || c > '9') {
                    return false;
                }
                e = e * 10 + (c - '0');
            }
            return e < 280;
        }
        return i - offset - digits < 280;
    }
}
