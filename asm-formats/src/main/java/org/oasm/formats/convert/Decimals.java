package org.oasm.formats.convert;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;

/**
 * How a decimal number written in text (JSON, YAML) becomes a binary float, and when that is
 * exact. A decimal converts exactly when the nearest 64-bit float, printed in its shortest form,
 * denotes the same number: {@code 0.1} does, {@code 3.14159265358979323846} does not (it needs
 * more digits than a float64 holds) and neither does {@code 1e400} (beyond the float64 range).
 * Inexact decimals are refused unless {@code --lossy}, which writes the nearest float.
 *
 * <p>Decimals of at most 15 significant digits with a moderate exponent are always exact
 * (a float64 holds 15 decimal digits), so only longer ones pay for a {@link BigDecimal}.
 */
final class Decimals {

    private Decimals() {
    }

    static void emit(String text, Context context, DocumentSink sink) {
        double d;
        try {
            d = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw context.malformed("not a number: " + text);
        }
        if (!fastExact(text)) {
            checkExact(text, d, context);
        }
        sink.float64(d);
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

    private static void checkExact(String text, double d, Context context) {
        if (Double.isInfinite(d)) {
            context.substitute(text, d > 0 ? "Infinity" : "-Infinity",
                    "decimal " + abbreviate(text) + " is beyond the float64 range");
            return;
        }
        BigDecimal original = new BigDecimal(text);
        if (original.compareTo(new BigDecimal(Double.toString(d))) != 0) {
            context.substitute(abbreviate(text), Double.toString(d),
                    "decimal " + abbreviate(text) + " has more digits than a float64 holds");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** At most 15 significant digits and an exponent well inside the normal range. */
    static boolean fastExact(String text) {
        int digits = 0;
        boolean leading = true;
        int n = text.length();
        int i = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
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
        if (i < n) {
            String exp = text.substring(i + 1);
            if (exp.length() > 4) {
                return false;
            }
            int e;
            try {
                e = Integer.parseInt(exp);
            } catch (NumberFormatException ex) {
                return false;
            }
            return Math.abs(e) < 280;
        }
        return i - digits < 280;
    }
}
