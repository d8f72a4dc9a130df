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

    /**
     * What may stand before the literal in a pattern whose matches start on the literal's line:
     * plain characters, escaped punctuation, {@code \b}, {@code ^}, and short classes without
     * {@code \s} or negation (optionally repeated) - nothing that can match a line end.
     */
    private static final java.util.regex.Pattern SAME_LINE_PREFIX = java.util.regex.Pattern.compile(
            "(?:\\\\b|\\^|\\\\[^A-Za-z0-9]|[A-Za-z0-9 _:,=<>'\"-]"
            + "|\\[(?:[^\\]\\\\^]|\\\\t|\\\\[^A-Za-z0-9])(?:[^\\]\\\\]|\\\\t|\\\\[^A-Za-z0-9]){0,19}\\][*+?]?)*");

    /**
     * Whether every match that contains {@code literal} starts on the line where the literal is:
     * true when what the pattern has before the literal can match no line end (see
     * {@link #SAME_LINE_PREFIX}). A scan then runs the pattern only from the lines that hold it.
     */
    public static boolean startsOnItsLine(String regex, String literal) {
        for (int i = 0; i + literal.length() <= regex.length(); i++) {
            if (unescape(regex, i).startsWith(literal)) {
                return SAME_LINE_PREFIX.matcher(regex.substring(0, i)).matches();
            }
        }
        return false;
    }

    /** Whether the pattern is an alternation at its top level ({@code a|b}, not {@code (a|b)}). */
    public static boolean topLevelAlternation(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                i = skipGroup(regex, i) - 1;
            } else if (c == '[') {
                i = skipClass(regex, i) - 1;
            } else if (c == '|') {
                return true;
            }
        }
        return false;
    }

    /** The text the pattern spells from index {@code i} on, escapes of punctuation undone. */
    private static String unescape(String re, int i) {
        StringBuilder out = new StringBuilder();
        for (int k = i; k < re.length() && out.length() < 64; k++) {
            char c = re.charAt(k);
            if (c == '\\' && k + 1 < re.length() && !Character.isLetterOrDigit(re.charAt(k + 1))) {
                out.append(re.charAt(++k));
            } else if (c == '\\' || c == '(' || c == '[' || c == '.' || c == '*' || c == '+' || c == '?' || c == '{' || c == '|') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
