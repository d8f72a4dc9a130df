package org.oasm.cockpit.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A look-ahead over the rest of the text at the end of a rule's pattern, such as
 * {@code (?![\s\S]*\b\k<name>\b)} ("the name is not used further down") or
 * {@code (?=[\s\S]*\n\k<line>[ \t]*$)} ("the line comes again"), evaluated here with
 * {@code String.indexOf} and a few character checks instead of by the regular-expression engine,
 * which tries it at every character of the rest of the file, for every match.
 *
 * <p>Only look-aheads of the form {@code (?=[\s\S]*TAIL)} or {@code (?![\s\S]*TAIL)} that end a
 * pattern with no top-level alternation are taken, where TAIL is a sequence of plain
 * characters, {@code \n}, {@code \t}, {@code \b}, back-references ({@code \k<name>},
 * {@code \1}), {@code $} and {@code [ \t]*}. Each of those is checked exactly as
 * {@code java.util.regex} does it in multi-line mode with transparent bounds (a word boundary by
 * ASCII word characters, with the engine's rule for non-spacing marks; {@code $} before any of
 * the engine's line terminators, but not between {@code \r} and {@code \n}). A rule's pattern
 * without the look-ahead then finds the match, and the look-ahead is checked at its end: when
 * it holds, the pattern's own match is that one; when it does not, the caller asks the whole
 * pattern, since a later way of matching might still satisfy it.
 */
final class TrailingLookahead {

    private sealed interface Piece {
    }

    private record Literal(char c) implements Piece {
    }

    private record Boundary() implements Piece {
    }

    private record BackRef(String name, int group) implements Piece {
    }

    private record LineEnd() implements Piece {
    }

    private record Blanks() implements Piece {
    }

    private static final String REST = "[\\s\\S]*";

    private final String head;
    private final boolean negative;
    private final String body;
    private final List<Piece> tail;

    private TrailingLookahead(String head, boolean negative, String body, List<Piece> tail) {
        this.head = head;
        this.negative = negative;
        this.body = body;
        this.tail = List.copyOf(tail);
    }

    /** The pattern before the look-ahead. */
    String head() {
        return head;
    }

    /**
     * The whole pattern, for where the look-ahead fails at the head's first match, written so
     * that the engine gets through the rest of the text faster with the same outcome: a negative
     * look-ahead's {@code [\s\S]*} made lazy (the engine stops at the first occurrence instead
     * of coming back from the end), and {@code [\s\S]*\n} in a positive one written
     * {@code (?:[^\n]*+\n)+?} (the same places after each line feed, tried line by line
     * instead of character by character).
     */
    String fallback() {
        String rest = negative ? "[\\s\\S]*?" + body : body.startsWith("\\n") ? "(?:[^\\n]*+\\n)+?" + body.substring(2) : REST + body;
        return head + (negative ? "(?!" : "(?=") + rest + ")";
    }

    /** The look-ahead that ends {@code regex}, or null when it has none of the form this class takes. */
    static TrailingLookahead of(String regex) {
        int open = lastTopLevelGroup(regex);
        if (open < 0 || !regex.startsWith(REST, open + 3)) {
            return null;
        }
        boolean negative = regex.charAt(open + 2) == '!';
        if (!negative && regex.charAt(open + 2) != '=') {
            return null;
        }
        String head = regex.substring(0, open);
        if (head.isEmpty() || head.matches("(?s).*\\(\\?[a-zA-Z-].*")) {
            return null; // inline flags change what the pieces mean
        }
        List<Piece> tail = new ArrayList<>();
        String body = regex.substring(open + 3 + REST.length(), regex.length() - 1);
        for (int i = 0; i < body.length(); ) {
            char c = body.charAt(i);
            if (body.startsWith("[ \\t]*", i)) {
                tail.add(new Blanks());
                i += 6;
            } else if (c == '$') {
                tail.add(new LineEnd());
                i++;
            } else if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(i + 1);
                if (e == 'b') {
                    tail.add(new Boundary());
                    i += 2;
                } else if (e == 'n' || e == 't') {
                    tail.add(new Literal(e == 'n' ? '\n' : '\t'));
                    i += 2;
                } else if (e == 'k' && i + 2 < body.length() && body.charAt(i + 2) == '<') {
                    int close = body.indexOf('>', i);
                    if (close < 0) {
                        return null;
                    }
                    tail.add(new BackRef(body.substring(i + 3, close), -1));
                    i = close + 1;
                } else if (e >= '1' && e <= '9' && (i + 2 >= body.length() || !Character.isDigit(body.charAt(i + 2)))) {
                    tail.add(new BackRef(null, e - '0'));
                    i += 2;
                } else if (!Character.isLetterOrDigit(e) && e < 128) {
                    tail.add(new Literal(e));
                    i += 2;
                } else {
                    return null;
                }
            } else if (c < 128 && (Character.isLetterOrDigit(c) || " _-:;,'\"=/#@!%&<>~`".indexOf(c) >= 0)) {
                tail.add(new Literal(c));
                i++;
            } else {
                return null;
            }
        }
        if (tail.isEmpty()) {
            return null;
        }
        return new TrailingLookahead(head, negative, body, tail);
    }

    /**
     * Where the last top-level group of {@code regex} opens, when it is a look-ahead
     * {@code (?=} or {@code (?!} that ends the pattern and the pattern has no top-level
     * {@code |}; -1 otherwise.
     */
    private static int lastTopLevelGroup(String re) {
        int depth = 0;
        int lastOpen = -1;
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (i + 1 < re.length() && re.charAt(i + 1) == 'Q') {
                    int end = re.indexOf("\\E", i + 2);
                    if (end < 0) {
                        return -1;
                    }
                    i = end + 1;
                } else {
                    i++;
                }
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '[') {
                    return -1; // nested classes: not followed
                }
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < re.length() && re.charAt(i + 1) == ']') {
                    i++;
                } else if (i + 2 < re.length() && re.charAt(i + 1) == '^' && re.charAt(i + 2) == ']') {
                    i += 2;
                }
            } else if (c == '(') {
                if (depth == 0) {
                    lastOpen = i;
                }
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    return -1;
                }
                if (depth == 0 && i != re.length() - 1) {
                    lastOpen = -1;
                }
            } else if (c == '|' && depth == 0) {
                return -1;
            } else if (depth == 0) {
                lastOpen = -1;
            }
        }
        if (depth != 0 || lastOpen < 0 || !re.endsWith(")") || !(re.startsWith("(?=", lastOpen) || re.startsWith("(?!", lastOpen))) {
            return -1;
        }
        return lastOpen;
    }

    /** Whether the look-ahead holds at the end of {@code m}'s match (of the head) in {@code text}. */
    boolean holds(CharSequence text, Matcher m) {
        int from = m.end();
        String prefix = prefix(text, m);
        boolean found = false;
        if (prefix == null) {
            found = false; // a back-reference to a group that did not take part never matches
        } else if (prefix.isEmpty()) {
            for (int q = from; q <= text.length() && !found; q = next(text, q)) {
                found = matchAt(text, m, 0, q);
            }
        } else {
            String s = text.toString();
            for (int q = s.indexOf(prefix, from); q >= 0 && !found; q = s.indexOf(prefix, q + 1)) {
                found = reachable(s, from, q) && matchAt(s, m, 0, q);
            }
        }
        return negative != found;
    }

    /** The text the tail's first characters must be (back-references filled in); null when a group took no part. */
    private String prefix(CharSequence text, Matcher m) {
        StringBuilder b = new StringBuilder();
        for (Piece p : tail) {
            switch (p) {
                case Literal l -> b.append(l.c());
                case BackRef r -> {
                    int start = r.name() != null ? m.start(r.name()) : m.start(r.group());
                    if (start < 0) {
                        return null;
                    }
                    b.append(text, start, r.name() != null ? m.end(r.name()) : m.end(r.group()));
                }
                case Boundary x -> {
                    // matches no character: the text goes on
                }
                case LineEnd x -> {
                    return b.toString();
                }
                case Blanks x -> {
                    return b.toString();
                }
            }
        }
        return b.toString();
    }

    /** Whether {@code [\s\S]*} from {@code from} can stop at {@code q}: not inside a surrogate pair it stepped over. */
    private static boolean reachable(CharSequence s, int from, int q) {
        return q == from || !(Character.isLowSurrogate(s.charAt(q)) && Character.isHighSurrogate(s.charAt(q - 1)));
    }

    private static int next(CharSequence s, int q) {
        return q < s.length() ? q + Character.charCount(Character.codePointAt(s, q)) : q + 1;
    }

    /** Whether the tail from piece {@code k} matches at {@code i}. */
    private boolean matchAt(CharSequence s, Matcher m, int k, int i) {
        int n = s.length();
        for (; k < tail.size(); k++) {
            switch (tail.get(k)) {
                case Literal l -> {
                    if (i >= n || s.charAt(i) != l.c()) {
                        return false;
                    }
                    i++;
                }
                case Boundary x -> {
                    if (!boundary(s, i)) {
                        return false;
                    }
                }
                case BackRef r -> {
                    int start = r.name() != null ? m.start(r.name()) : m.start(r.group());
                    int end = r.name() != null ? m.end(r.name()) : m.end(r.group());
                    if (start < 0 || i + (end - start) > n) {
                        return false;
                    }
                    for (int j = start; j < end; j++, i++) {
                        if (s.charAt(i) != s.charAt(j)) {
                            return false;
                        }
                    }
                }
                case LineEnd x -> {
                    if (!lineEnd(s, i)) {
                        return false;
                    }
                }
                case Blanks x -> {
                    int j = i;
                    while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                        j++;
                    }
                    for (; j >= i; j--) {
                        if (matchAt(s, m, k + 1, j)) {
                            return true;
                        }
                    }
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code $} in multi-line mode: before a line terminator (not between {@code \r} and {@code \n}), or at the end. */
    private static boolean lineEnd(CharSequence s, int i) {
        if (i >= s.length()) {
            return true;
        }
        char c = s.charAt(i);
        if (c == '\n') {
            return !(i > 0 && s.charAt(i - 1) == '\r');
        }
        return c == '\r' || c == '\u0085' || (c | 1) == '\u2029';
    }

    /** {@code \b}: a word character on one side only, counting a non-spacing mark after a letter or digit as one. */
    private static boolean boundary(CharSequence s, int i) {
        boolean left = false;
        if (i > 0) {
            int ch = Character.codePointBefore(s, i);
            left = word(ch) || (Character.getType(ch) == Character.NON_SPACING_MARK && hasBase(s, i - 1));
        }
        boolean right = false;
        if (i < s.length()) {
            int ch = Character.codePointAt(s, i);
            right = word(ch) || (Character.getType(ch) == Character.NON_SPACING_MARK && hasBase(s, i));
        }
        return left ^ right;
    }

    private static boolean word(int ch) {
        return ch < 128 && (ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
    }

    private static boolean hasBase(CharSequence s, int i) {
        for (int x = i; x >= 0; x--) {
            int ch = Character.codePointAt(s, x);
            if (Character.isLetterOrDigit(ch)) {
                return true;
            }
            if (Character.getType(ch) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }
}
