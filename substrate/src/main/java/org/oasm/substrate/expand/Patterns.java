package org.oasm.substrate.expand;

import java.util.regex.Pattern;

/**
 * The pattern operators of parameter expansion, on a value: removal of the shortest or longest
 * matching prefix ({@code #}, {@code ##}) or suffix ({@code %}, {@code %%}), replacement of the
 * first or every longest match ({@code /}, {@code //}, anchored by a leading {@code #} or
 * {@code %}), case changes ({@code ^ ^^ , ,,}) and substrings ({@code ${X:offset:length}}).
 * Patterns are globs, as in bash; a backslash makes the next character literal.
 */
final class Patterns {

    private Patterns() {
    }

    private static Pattern compile(String glob) {
        return Glob.toRegex(glob);
    }

    static String remove(String v, String op, String glob) {
        Pattern p = compile(glob);
        int n = v.length();
        switch (op) {
            case "#" -> {
                for (int i = 0; i <= n; i++) {
                    if (p.matcher(v.substring(0, i)).matches()) {
                        return v.substring(i);
                    }
                }
            }
            case "##" -> {
                for (int i = n; i >= 0; i--) {
                    if (p.matcher(v.substring(0, i)).matches()) {
                        return v.substring(i);
                    }
                }
            }
            case "%" -> {
                for (int i = n; i >= 0; i--) {
                    if (p.matcher(v.substring(i)).matches()) {
                        return v.substring(0, i);
                    }
                }
            }
            default -> {
                for (int i = 0; i <= n; i++) {
                    if (p.matcher(v.substring(i)).matches()) {
                        return v.substring(0, i);
                    }
                }
            }
        }
        return v;
    }

    static String replace(String v, boolean all, String glob, String replacement) {
        boolean atStart = glob.startsWith("#");
        boolean atEnd = !atStart && glob.startsWith("%");
        String body = atStart || atEnd ? glob.substring(1) : glob;
        if (body.isEmpty() && !atStart && !atEnd) {
            return v;
        }
        Pattern p = compile(body);
        int n = v.length();
        if (atStart) {
            for (int end = n; end >= 0; end--) {
                if (p.matcher(v.substring(0, end)).matches()) {
                    return replacement + v.substring(end);
                }
            }
            return v;
        }
        if (atEnd) {
            for (int start = 0; start <= n; start++) {
                if (p.matcher(v.substring(start)).matches()) {
                    return v.substring(0, start) + replacement;
                }
            }
            return v;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < n) {
            int matchEnd = -1;
            for (int end = n; end > i; end--) {
                if (p.matcher(v.substring(i, end)).matches()) {
                    matchEnd = end;
                    break;
                }
            }
            if (matchEnd < 0) {
                out.append(v.charAt(i++));
                continue;
            }
            out.append(replacement);
            i = matchEnd;
            if (!all) {
                out.append(v, i, n);
                return out.toString();
            }
        }
        return out.toString();
    }

    static String changeCase(String v, String op, String glob) {
        Pattern p = glob.isEmpty() ? null : compile(glob);
        boolean upper = op.startsWith("^");
        boolean every = op.length() == 2;
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean applies = (every || i == 0) && (p == null || p.matcher(String.valueOf(c)).matches());
            out.append(applies ? (upper ? Character.toUpperCase(c) : Character.toLowerCase(c)) : c);
        }
        return out.toString();
    }

    /** {@code ${X:offset}} and {@code ${X:offset:length}}, with whole numbers (a negative one counts from the end). */
    static String substring(String v, String spec, String name) {
        String[] parts = spec.split(":", 2);
        try {
            int n = v.length();
            int offset = parts[0].isBlank() ? 0 : Integer.parseInt(parts[0].strip());
            if (offset < 0) {
                offset = Math.max(0, n + offset);
            }
            offset = Math.min(offset, n);
            int end = n;
            if (parts.length == 2) {
                int length = parts[1].isBlank() ? 0 : Integer.parseInt(parts[1].strip());
                if (length < 0) {
                    end = n + length;
                    if (end < offset) {
                        throw new ExpansionException(parts[1].strip() + ": substring expression < 0", 1,
                                ExpansionException.Scope.LINE);
                    }
                } else {
                    end = Math.min(n, offset + length);
                }
            }
            return v.substring(offset, end);
        } catch (NumberFormatException e) {
            throw new ExpansionException("${" + name + ":" + spec + "}: only whole-number offsets are supported", 1,
                    ExpansionException.Scope.LINE);
        }
    }
}
