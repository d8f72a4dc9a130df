package org.oasm.substrate.lex;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of the {@link Lexer} that reads what follows a {@code $} (parameters, {@code ${...}}
 * with its operators, {@code $(...)}, {@code $'...'}) and backquotes. It works on the lexer's
 * text and position.
 */
final class DollarLexer {

    private final Lexer lx;

    DollarLexer(Lexer lx) {
        this.lx = lx;
    }

    /** Reads a {@code $} expansion at {@code lx.pos}; returns null (consuming nothing) when the $ is literal. */
    WordPart readDollar(boolean quoted) {
        int start = lx.pos;
        if (lx.pos + 1 >= lx.src.length()) {
            return null;
        }
        char n = lx.src.charAt(lx.pos + 1);
        if (n == '{') {
            return readBraced(quoted);
        }
        if (n == '(') {
            if (lx.pos + 2 < lx.src.length() && lx.src.charAt(lx.pos + 2) == '(') {
                throw new SyntaxException("arithmetic expansion $((...)) is not supported", lx.pos, false);
            }
            return readCommandSubstitution(quoted);
        }
        if (n == '?' || n == '#' || n == '@' || n == '*' || n == '$' || n == '!' || n == '-'
                || Character.isDigit(n)) {
            lx.pos += 2;
            return new WordPart.Param(String.valueOf(n), quoted);
        }
        if (n == '_' || Lexer.isAsciiLetter(n)) {
            int end = lx.pos + 1;
            while (end < lx.src.length() && Lexer.isNameChar(lx.src.charAt(end))) {
                end++;
            }
            lx.pos = end;
            return new WordPart.Param(lx.src.substring(start + 1, end), quoted);
        }
        if (n == '\'' && !quoted) {
            lx.pos++;
            return readAnsiC();
        }
        return null;
    }

    /**
     * {@code ${...}}: a name (or special parameter, or digits), optionally {@code #} before it
     * (length) or {@code !} (indirection), optionally an operator and its word. Anything else is a
     * bad substitution, which bash reports only when the word is expanded.
     */
    private WordPart readBraced(boolean quoted) {
        int open = lx.pos;
        int close = matchBrace(lx.pos + 2, open);
        String body = lx.src.substring(lx.pos + 2, close);
        int bodyStart = lx.pos + 2;
        lx.pos = close + 1;
        String text = "${" + body + "}";
        if (body.length() > 1 && body.charAt(0) == '#' && isName(body.substring(1))) {
            return new WordPart.Param(body.substring(1), quoted, "#", null);
        }
        String prefix = "";
        int i = 0;
        if (body.length() > 1 && body.charAt(0) == '!') {
            prefix = "!";
            i = 1;
        }
        int nameEnd = nameEnd(body, i);
        if (nameEnd == i) {
            return new WordPart.Bad(text);
        }
        String name = body.substring(i, nameEnd);
        String rest = body.substring(nameEnd);
        if (rest.isEmpty()) {
            return prefix.isEmpty() ? new WordPart.Param(name, quoted) : new WordPart.Param(name, quoted, "!", null);
        }
        String operator = null;
        for (String op : new String[] {":-", ":=", ":+", ":?", "-", "=", "+", "?", "##", "#", "%%", "%", "//", "/",
            "^^", "^", ",,", ",", ":"}) {
            if (rest.startsWith(op)) {
                operator = op;
                break;
            }
        }
        if (operator == null || !prefix.isEmpty()) {
            return new WordPart.Bad(text);
        }
        String operand = rest.substring(operator.length());
        int operandStart = bodyStart + nameEnd + operator.length();
        if (operator.equals(":")) {
            return new WordPart.Param(name, quoted, operator, new Word(List.of(new WordPart.Literal(operand, true)),
                    operandStart, operandStart + operand.length()));
        }
        if (operator.startsWith("/")) {
            int slash = unescapedSlash(operand);
            String pattern = slash < 0 ? operand : operand.substring(0, slash);
            String replacement = slash < 0 ? "" : operand.substring(slash + 1);
            return new WordPart.Param(name, quoted, operator, operandWord(pattern, quoted, operandStart),
                    operandWord(replacement, quoted, operandStart + pattern.length() + 1));
        }
        return new WordPart.Param(name, quoted, operator, operandWord(operand, quoted, operandStart));
    }

    /** The first slash not escaped by a backslash nor inside quotes, or -1. */
    private static int unescapedSlash(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '/') {
                return i;
            }
        }
        return -1;
    }

    /** Where a parameter name starting at {@code i} ends: one special character, digits, or a name. */
    private static int nameEnd(String body, int i) {
        if (i >= body.length()) {
            return i;
        }
        char c = body.charAt(i);
        if ("?#@*$!-".indexOf(c) >= 0) {
            return i + 1;
        }
        int j = i;
        if (Character.isDigit(c)) {
            while (j < body.length() && Character.isDigit(body.charAt(j))) {
                j++;
            }
            return j;
        }
        if (c != '_' && !Lexer.isAsciiLetter(c)) {
            return i;
        }
        while (j < body.length() && Lexer.isNameChar(body.charAt(j))) {
            j++;
        }
        return j;
    }

    static boolean isName(String s) {
        return !s.isEmpty() && nameEnd(s, 0) == s.length();
    }

    /** The offset of the {@code }} closing the {@code ${} whose body starts at {@code from}. */
    private int matchBrace(int from, int open) {
        int depth = 0;
        for (int i = from; i < lx.src.length(); i++) {
            char d = lx.src.charAt(i);
            if (d == '\\') {
                i++;
            } else if (d == '\'') {
                int q = lx.src.indexOf('\'', i + 1);
                if (q < 0) {
                    break;
                }
                i = q;
            } else if (d == '{') {
                depth++;
            } else if (d == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        throw new SyntaxException("unexpected EOF while looking for matching `}'", open, true);
    }

    /**
     * The word after an operator such as {@code :-}. Inside double quotes it reads as
     * double-quoted text (so {@code "${X:-$HOME}"} still expands); unquoted, its words are joined
     * by single spaces, and the expansion splits the value into fields as usual.
     */
    private Word operandWord(String text, boolean quoted, int offset) {
        if (quoted) {
            Lexer inner = new Lexer(text, false);
            List<WordPart> parts = new ArrayList<>();
            inner.readDoubleQuotedBody(parts, 0, true);
            return new Word(parts, offset, offset + text.length());
        }
        Lexer inner = new Lexer(text, false);
        inner.comments = false;
        List<Token> toks = new ArrayList<>();
        Token tok;
        do {
            tok = inner.next();
            toks.add(tok);
        } while (tok.kind() != Token.Kind.EOF);
        List<WordPart> parts = new ArrayList<>();
        for (Token t : toks) {
            if (t.kind() == Token.Kind.WORD) {
                if (!parts.isEmpty()) {
                    parts.add(new WordPart.Literal(" ", false));
                }
                parts.addAll(t.word().parts());
            }
        }
        // The unquoted blanks between words are field separators when the operand is expanded.
        return new Word(parts, offset, offset + text.length());
    }

    /** {@code $(...)}: the commands up to the matching parenthesis, kept as source text. */
    private WordPart readCommandSubstitution(boolean quoted) {
        int open = lx.pos;
        int depth = 0;
        int i = lx.pos + 2;
        while (i < lx.src.length()) {
            char d = lx.src.charAt(i);
            switch (d) {
                case '\\' -> i++;
                case '\'' -> {
                    int q = lx.src.indexOf('\'', i + 1);
                    if (q < 0) {
                        i = lx.src.length();
                        continue;
                    }
                    i = q;
                }
                case '"' -> {
                    i++;
                    while (i < lx.src.length() && lx.src.charAt(i) != '"') {
                        if (lx.src.charAt(i) == '\\') {
                            i++;
                        }
                        i++;
                    }
                }
                case '(' -> depth++;
                case ')' -> {
                    if (depth == 0) {
                        lx.pos = i + 1;
                        return new WordPart.Command(lx.src.substring(open + 2, i), quoted);
                    }
                    depth--;
                }
                default -> { }
            }
            i++;
        }
        throw new SyntaxException("unexpected EOF while looking for matching `)'", open, true);
    }

    /** {@code `...`}: the old form; backslash keeps its meaning only before $, ` and \ (and " in quotes). */
    WordPart readBackquoted(boolean quoted) {
        int open = lx.pos;
        StringBuilder inner = new StringBuilder();
        int i = lx.pos + 1;
        while (i < lx.src.length()) {
            char d = lx.src.charAt(i);
            if (d == '`') {
                lx.pos = i + 1;
                return new WordPart.Command(inner.toString(), quoted);
            }
            if (d == '\\' && i + 1 < lx.src.length()) {
                char n = lx.src.charAt(i + 1);
                if (n == '$' || n == '`' || n == '\\' || (quoted && n == '"')) {
                    inner.append(n);
                    i += 2;
                    continue;
                }
            }
            inner.append(d);
            i++;
        }
        throw new SyntaxException("unexpected EOF while looking for matching ``'", open, true);
    }

    /** {@code $'...'}: ANSI-C quoting with backslash escapes. */
    private WordPart readAnsiC() {
        int open = lx.pos;
        lx.pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (lx.pos >= lx.src.length()) {
                throw new SyntaxException("unexpected EOF while looking for matching `''", open, true);
            }
            char c = lx.src.charAt(lx.pos++);
            if (c == '\'') {
                break;
            }
            if (c == '\\' && lx.pos < lx.src.length()) {
                char e = lx.src.charAt(lx.pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'e', 'E' -> sb.append('\u001b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case 'x', 'u', 'U' -> {
                        int max = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        int end = lx.pos;
                        while (end < lx.src.length() && end < lx.pos + max && Character.digit(lx.src.charAt(end), 16) >= 0) {
                            end++;
                        }
                        if (end == lx.pos) {
                            sb.append('\\').append(e);
                        } else {
                            int cp = Integer.parseInt(lx.src.substring(lx.pos, end), 16);
                            if (e == 'x') {
                                sb.append((char) cp);
                            } else {
                                sb.appendCodePoint(cp);
                            }
                            lx.pos = end;
                        }
                    }
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        int end = lx.pos;
                        while (end < lx.src.length() && end < lx.pos + 2 && lx.src.charAt(end) >= '0' && lx.src.charAt(end) <= '7') {
                            end++;
                        }
                        sb.append((char) (Integer.parseInt(e + lx.src.substring(lx.pos, end), 8) & 0xff));
                        lx.pos = end;
                    }
                    default -> sb.append(e == '\'' || e == '"' || e == '\\' || e == '?' ? String.valueOf(e) : "\\" + e);
                }
            } else {
                sb.append(c);
            }
        }
        return new WordPart.Literal(sb.toString(), true);
    }
}
