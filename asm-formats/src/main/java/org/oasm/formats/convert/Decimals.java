package org.oasm.formats.convert;

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
 * (a float64 holds 15 decimal digits), so only longer ones pay for a digit-by-digit comparison
 * with the float's shortest form.
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
        emit(text, d, context, sink);
    }

    /** A decimal already parsed (by Jackson's fast parser) to {@code d}. */
    static void emit(String text, double d, Context context, DocumentSink sink) {
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
        long[] ea = new long[1];
        long[] eb = new long[1];
        String da = significant(a, ea);
        String db = significant(b, eb);
        if (da.isEmpty() || db.isEmpty()) {
            return da.isEmpty() && db.isEmpty();
        }
        return da.equals(db) && ea[0] == eb[0] && (a.charAt(0) == '-') == (b.charAt(0) == '-');
    }

    /** The significant digits (no leading or trailing zeros) and, in exp[0], the exponent of the first. */
    private static String significant(String t, long[] exp) {
        StringBuilder digits = new StringBuilder(24);
        int n = t.length();
        long pointPos = -1;
        int count = 0;
        int i = 0;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                count++;
            } else if (c == '.') {
                pointPos = count;
            } else if (c == 'e' || c == 'E') {
                break;
            }
        }
        long e = 0;
        if (i < n) {
            try {
                e = Long.parseLong(t.substring(i + 1).replace("+", ""));
            } catch (NumberFormatException ex) {
                e = 0;
            }
        }
        if (pointPos < 0) {
            pointPos = count;
        }
        int lead = 0;
        while (lead < digits.length() && digits.charAt(lead) == '0') {
            lead++;
        }
        int end = digits.length();
        while (end > lead && digits.charAt(end - 1) == '0') {
            end--;
        }
        exp[0] = e + pointPos - lead - 1;
        return digits.substring(lead, end);
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
