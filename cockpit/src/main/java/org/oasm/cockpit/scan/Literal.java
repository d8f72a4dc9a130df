package org.oasm.cockpit.scan;

/**
 * The longest piece of plain text that every match of a regular expression must contain, so that
 * a scan can skip the regex on files that lack it (a {@code String.indexOf} is far cheaper than a
 * regex pass, and most rules find nothing in most files). Only the top level of the pattern is
 * read: groups, classes, escapes with a meaning and optional characters end a piece; a top-level
 * alternation or an inline flag means there is none. Pieces shorter than three characters are
 * not worth the check.
 */
public final class Literal {

    private Literal() {
    }

    /** The required text of {@code regex}, or null when it has none worth checking. */
    public static String required(String regex) {
        if (regex.contains("(?i") || regex.contains("\\Q")) {
            return null;
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            int atomEnd;
            String literal = null;
            switch (c) {
                case '|' -> {
                    return null;
                }
                case '(' -> atomEnd = skipGroup(regex, i);
                case '[' -> atomEnd = skipClass(regex, i);
                case '\\' -> {
                    if (i + 1 >= regex.length()) {
                        return null;
                    }
                    char e = regex.charAt(i + 1);
                    atomEnd = i + 2;
                    if (e == 'n') {
                        literal = "\n";
                    } else if (e == 't') {
                        literal = "\t";
                    } else if (!Character.isLetterOrDigit(e)) {
                        literal = String.valueOf(e);
                    } else if (e == 'k' || e == 'p' || e == 'P') {
                        atomEnd = regex.indexOf(e == 'k' ? '>' : '}', i) + 1;
                        if (atomEnd == 0) {
                            return null;
                        }
                    }
                }
                case '.', '^', '$' -> atomEnd = i + 1;
                default -> {
                    atomEnd = i + 1;
                    literal = String.valueOf(c);
                }
            }
            int next = atomEnd;
            boolean optional = false;
            boolean repeated = false;
            if (next < regex.length()) {
                char q = regex.charAt(next);
                if (q == '*' || q == '?') {
                    optional = true;
                    next++;
                } else if (q == '+') {
                    repeated = true;
                    next++;
                } else if (q == '{') {
                    int close = regex.indexOf('}', next);
                    if (close < 0) {
                        return null;
                    }
                    String min = regex.substring(next + 1, close).split(",", -1)[0].strip();
                    optional = min.isEmpty() || min.equals("0");
                    repeated = true;
                    next = close + 1;
                }
                if (next < regex.length() && (regex.charAt(next) == '?' || regex.charAt(next) == '+') && (optional || repeated)) {
                    next++;
                }
            }
            if (literal != null && !optional) {
                run.append(literal);
            }
            if (literal == null || optional || repeated) {
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
            }
            i = next;
        }
        if (run.length() > best.length()) {
            best = run.toString();
        }
        return best.length() >= 3 ? best : null;
    }

    private static int skipGroup(String re, int open) {
        int depth = 0;
        for (int i = open; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(re, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return re.length();
    }

    private static int skipClass(String re, int open) {
        int i = open + 1;
        if (i < re.length() && re.charAt(i) == '^') {
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            i++;
        }
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(re, i) - 1;
            } else if (c == ']') {
                return i + 1;
            }
        }
        return re.length();
    }
}
