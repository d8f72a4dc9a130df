package org.oasm.formats.convert;

import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;

/**
 * The YAML 1.2 core schema (YAML 1.2.2, section 10.3.2) for plain scalars: {@code null},
 * {@code Null}, {@code NULL}, {@code ~} and the empty scalar are null; {@code true}/{@code True}/
 * {@code TRUE} and the three spellings of false are booleans; {@code [-+]?[0-9]+},
 * {@code 0o[0-7]+} and {@code 0x[0-9a-fA-F]+} are integers; decimals with an optional exponent,
 * {@code [-+]?.inf} and {@code .nan} (in their three spellings) are floats; everything else is
 * text. YAML 1.1's {@code yes}, {@code no}, {@code on}, {@code off}, {@code 0755} octal and
 * sexagesimal numbers are not part of it: {@code yes} is text and {@code 0755} is 755.
 */
final class CoreSchema {

    enum Kind { NULL, BOOL, INT, FLOAT, TEXT }

    private CoreSchema() {
    }

    static boolean isText(String v) {
        return kind(v) == Kind.TEXT;
    }

    static Kind kind(String v) {
        int n = v.length();
        if (n == 0) {
            return Kind.NULL;
        }
        char c = v.charAt(0);
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return switch (v) {
                case "null", "Null", "NULL" -> Kind.NULL;
                case "true", "True", "TRUE", "false", "False", "FALSE" -> Kind.BOOL;
                default -> Kind.TEXT;
            };
        }
        if (c == '~' && n == 1) {
            return Kind.NULL;
        }
        if (c != '-' && c != '+' && c != '.' && (c < '0' || c > '9')) {
            return Kind.TEXT;
        }
        if (isDecimalInt(v) || isOctal(v) || isHex(v)) {
            return Kind.INT;
        }
        if (isFloat(v) || isSpecialFloat(v)) {
            return Kind.FLOAT;
        }
        return Kind.TEXT;
    }

    /**
     * {@link #kind(String)} of the plain scalar {@code b[from, to)} (UTF-8), for the fast path:
     * the null and boolean words and text that cannot be a number decided on the bytes, without a
     * {@code String}; the rest as {@link #kind(String)} decides.
     */
    static Kind kind(byte[] b, int from, int to) {
        byte c = b[from];
        int n = to - from;
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            if (n == 4 && (is(b, from, "null") || is(b, from, "Null") || is(b, from, "NULL"))) {
                return Kind.NULL;
            }
            if (n == 4 && (is(b, from, "true") || is(b, from, "True") || is(b, from, "TRUE"))
                    || n == 5 && (is(b, from, "false") || is(b, from, "False") || is(b, from, "FALSE"))) {
                return Kind.BOOL;
            }
            return Kind.TEXT;
        }
        if (c == '~' && n == 1) {
            return Kind.NULL;
        }
        if (c != '-' && c != '+' && c != '.' && (c < '0' || c > '9')) {
            return Kind.TEXT;
        }
        return kind(new String(b, from, n, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static boolean is(byte[] b, int from, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (b[from + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static void resolve(String v, Context context, DocumentSink out) {
        switch (kind(v)) {
            case NULL -> out.nul();
            case BOOL -> out.bool(v.charAt(0) == 't' || v.charAt(0) == 'T');
            case INT -> integer(v, context, out);
            case FLOAT -> floating(v, context, out);
            case TEXT -> out.string(v);
        }
    }

    /** A scalar with an explicit core tag ({@code !!int 3}): its text must fit the tag. */
    static void resolveAs(String tag, String v, Context context, DocumentSink out) {
        Kind k = kind(v);
        switch (tag) {
            case "int" -> {
                if (k != Kind.INT) {
                    throw context.malformed("!!int value \"" + v + "\" is not an integer");
                }
                integer(v, context, out);
            }
            case "float" -> {
                if (k == Kind.INT && isDecimalInt(v)) {
                    floating(v, context, out);
                } else if (k != Kind.FLOAT) {
                    throw context.malformed("!!float value \"" + v + "\" is not a float");
                } else {
                    floating(v, context, out);
                }
            }
            case "bool" -> {
                if (k != Kind.BOOL) {
                    throw context.malformed("!!bool value \"" + v + "\" is not a boolean");
                }
                out.bool(v.charAt(0) == 't' || v.charAt(0) == 'T');
            }
            default -> {
                if (k != Kind.NULL) {
                    throw context.malformed("!!null value \"" + v + "\" is not null");
                }
                out.nul();
            }
        }
    }

    private static void integer(String v, Context context, DocumentSink out) {
        if (isOctal(v)) {
            Decimals.integer(v.substring(2), 8, context, out);
        } else if (isHex(v)) {
            Decimals.integer(v.substring(2), 16, context, out);
        } else {
            Decimals.integer(v, 10, context, out);
        }
    }

    private static void floating(String v, Context context, DocumentSink out) {
        if (isSpecialFloat(v)) {
            char last = v.charAt(v.length() - 1);
            if (last == 'n' || last == 'N') {
                out.float64(Double.NaN);
            } else {
                out.float64(v.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            return;
        }
        char first = v.charAt(0);
        char last = v.charAt(v.length() - 1);
        if (first != '+' && first != '.' && last != '.' && v.indexOf(".e") < 0 && v.indexOf(".E") < 0
                && !v.startsWith("-.")) {
            Decimals.emit(v, context, out); // already in the form JSON and Java read
            return;
        }
        String t = first == '+' ? v.substring(1) : v;
        int e = Math.max(t.indexOf('e'), t.indexOf('E'));
        String mantissa = e >= 0 ? t.substring(0, e) : t;
        String exponent = e >= 0 ? t.substring(e) : "";
        if (mantissa.endsWith(".")) {
            mantissa = mantissa + "0";
        }
        if (mantissa.startsWith(".")) {
            mantissa = "0" + mantissa;
        } else if (mantissa.startsWith("-.")) {
            mantissa = "-0" + mantissa.substring(1);
        }
        Decimals.emit(mantissa + exponent, context, out);
    }

    private static boolean digits(String v, int from, int to, int radix) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(v.charAt(i), radix) < 0 || v.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }

    static boolean isDecimalInt(String v) {
        int from = v.charAt(0) == '-' || v.charAt(0) == '+' ? 1 : 0;
        for (int i = from; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return v.length() > from;
    }

    private static boolean isOctal(String v) {
        return v.length() > 2 && v.startsWith("0o") && digits(v, 2, v.length(), 8);
    }

    private static boolean isHex(String v) {
        return v.length() > 2 && v.startsWith("0x") && digits(v, 2, v.length(), 16);
    }

    /** {@code [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?} */
    static boolean isFloat(String v) {
        int i = 0;
        int n = v.length();
        if (v.charAt(0) == '-' || v.charAt(0) == '+') {
            i++;
        }
        int intDigits = 0;
        while (i < n && Character.isDigit(v.charAt(i)) && v.charAt(i) < 128) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && v.charAt(i) == '.') {
            i++;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
                fracDigits++;
            }
            if (intDigits == 0 && fracDigits == 0) {
                return false;
            }
        } else if (intDigits == 0) {
            return false;
        }
        if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isSpecialFloat(String v) {
        return switch (v) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
                    ".nan", ".NaN", ".NAN" -> true;
            default -> false;
        };
    }
}
