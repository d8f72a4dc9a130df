package org.oasm.substrate.lex;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell source text into tokens: words (with their quoting kept per part), operators,
 * newlines. Comments and backslash-newline continuations are dropped here. The lexer knows nothing
 * about grammar; {@link org.oasm.substrate.parse.Parser} does.
 */
public final class Lexer {

    private final String src;
    private final boolean more;
    /** False inside the word of a {@code ${X:-word}}, where {@code #} starts no comment. */
    private boolean comments = true;
    private int pos;

    private Lexer(String src, boolean more) {
        this.src = src;
        this.more = more;
    }

    /** Tokenizes the whole source, ending with an EOF token; the source is all the input there is. */
    public static List<Token> tokenize(String source) {
        return tokenize(source, false);
    }

    /**
     * Tokenizes a source that more lines may follow ({@code more}): then a backslash at its very
     * end continues onto the next line, and the text is {@linkplain SyntaxException#incomplete()
     * incomplete}; at the real end of input the backslash stands for itself, as in bash.
     */
    public static List<Token> tokenize(String source, boolean more) {
        Lexer lexer = new Lexer(source, more);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Token.Kind.EOF);
        return tokens;
    }

    private Token next() {
        skipBlanks();
        if (pos >= src.length()) {
            return Token.eof(pos);
        }
        char c = src.charAt(pos);
        if (c == '\n') {
            return Token.newline(pos++);
        }
        if (c == '#' && comments) {
            while (pos < src.length() && src.charAt(pos) != '\n') {
                pos++;
            }
            return next();
        }
        Operator op = Operator.match(src, pos);
        if (op != null) {
            int start = pos;
            pos += op.symbol().length();
            return Token.operator(op, -1, start, pos);
        }
        return readWord();
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                continuation(pos);
                pos += 2;
            } else {
                return;
            }
        }
    }

    private static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '|' || c == '&' || c == ';'
                || c == '<' || c == '>' || c == '(' || c == ')';
    }

    private Token readWord() {
        int start = pos;
        List<WordPart> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        readTilde(parts, false);
        boolean assignment = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (isMeta(c)) {
                break;
            }
            switch (c) {
                case '\'' -> {
                    flush(parts, lit, false);
                    int close = src.indexOf('\'', pos + 1);
                    if (close < 0) {
                        throw new SyntaxException("unexpected EOF while looking for matching `''", pos, true);
                    }
                    parts.add(new WordPart.Literal(src.substring(pos + 1, close), true));
                    pos = close + 1;
                }
                case '"' -> {
                    flush(parts, lit, false);
                    readDoubleQuoted(parts);
                }
                case '\\' -> {
                    if (pos + 1 >= src.length()) {
                        continuation(pos);
                        flush(parts, lit, false);
                        parts.add(new WordPart.Literal("\\", true));
                        pos++;
                        continue;
                    }
                    char n = src.charAt(pos + 1);
                    if (n == '\n') {
                        continuation(pos);
                    }
                    pos += 2;
                    if (n != '\n') {
                        flush(parts, lit, false);
                        parts.add(new WordPart.Literal(String.valueOf(n), true));
                    }
                }
                case '$' -> {
                    WordPart p = readDollar(false);
                    if (p == null) {
                        lit.append('$');
                        pos++;
                    } else {
                        flush(parts, lit, false);
                        parts.add(p);
                    }
                }
                case '`' -> {
                    flush(parts, lit, false);
                    parts.add(readBackquoted(false));
                }
                default -> {
                    lit.append(c);
                    pos++;
                    if (c == '=' && !assignment && parts.isEmpty() && isName(lit.substring(0, lit.length() - 1))) {
                        assignment = true;
                        flushBeforeTilde(parts, lit);
                    } else if (c == ':' && assignment) {
                        flushBeforeTilde(parts, lit);
                    }
                }
            }
        }
        flush(parts, lit, false);
        Word word = new Word(parts, start, pos);
        if (pos < src.length() && (src.charAt(pos) == '<' || src.charAt(pos) == '>') && isFdNumber(word)) {
            Operator op = Operator.match(src, pos);
            int opStart = pos;
            pos += op.symbol().length();
            return Token.operator(op, Integer.parseInt(word.literalText()), start, pos);
        }
        return Token.word(word);
    }

    /**
     * A tilde prefix at {@code pos}: {@code ~} or {@code ~user} ending at a slash, the end of the
     * word or (after {@code =} in an assignment-like word) a colon.
     */
    private boolean readTilde(List<WordPart> parts, boolean inAssignment) {
        if (pos >= src.length() || src.charAt(pos) != '~') {
            return false;
        }
        int end = pos + 1;
        while (end < src.length() && isUserChar(src.charAt(end))) {
            end++;
        }
        if (end == src.length() || src.charAt(end) == '/' || isMeta(src.charAt(end))
                || (inAssignment && src.charAt(end) == ':')) {
            parts.add(new WordPart.Tilde(src.substring(pos + 1, end)));
            pos = end;
            return true;
        }
        return false;
    }

    /** In {@code NAME=~/x} or {@code PATH=a:~/bin}, bash expands a tilde after = and after each colon. */
    private void flushBeforeTilde(List<WordPart> parts, StringBuilder lit) {
        if (pos < src.length() && src.charAt(pos) == '~') {
            int before = parts.size();
            String pending = lit.toString();
            lit.setLength(0);
            parts.add(new WordPart.Literal(pending, false));
            if (!readTilde(parts, true)) {
                parts.remove(before);
                lit.append(pending);
            }
        }
    }

    /** A backslash at {@code at} ends the text (perhaps before a final newline): more may follow. */
    private void continuation(int at) {
        boolean last = at + 1 >= src.length() || (at + 2 == src.length() && src.charAt(at + 1) == '\n');
        if (more && last) {
            throw new SyntaxException("unexpected end of file after `\\'", at, true);
        }
    }

    private static boolean isFdNumber(Word w) {
        return w.isPlain() && !w.parts().isEmpty() && w.literalText().matches("[0-9]");
    }

    private static boolean isUserChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private void readDoubleQuoted(List<WordPart> parts) {
        int open = pos;
        pos++;
        readDoubleQuotedBody(parts, open, false);
    }

    /**
     * The inside of double quotes, up to the closing quote; or, for the word of a {@code ${X:-...}}
     * that is itself inside double quotes ({@code operand}), up to the end of the text, where
     * inner double quotes only toggle and stay quoting.
     */
    private void readDoubleQuotedBody(List<WordPart> parts, int open, boolean operand) {
        StringBuilder lit = new StringBuilder();
        boolean any = false;
        while (true) {
            if (pos >= src.length()) {
                if (operand) {
                    break;
                }
                throw new SyntaxException("unexpected EOF while looking for matching `\"'", open, true);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                if (operand) {
                    any = true;
                    continue;
                }
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                if (n == '$' || n == '`' || n == '"' || n == '\\' || (operand && n == '}')) {
                    lit.append(n);
                    pos += 2;
                    continue;
                }
                if (n == '\n') {
                    pos += 2;
                    continue;
                }
            }
            if (c == '$') {
                WordPart p = readDollar(true);
                if (p != null) {
                    flush(parts, lit, true);
                    parts.add(p);
                    any = true;
                    continue;
                }
            }
            if (c == '`') {
                flush(parts, lit, true);
                parts.add(readBackquoted(true));
                any = true;
                continue;
            }
            lit.append(c);
            pos++;
        }
        if (!lit.isEmpty() || !any) {
            parts.add(new WordPart.Literal(lit.toString(), true));
        }
    }

    /** Reads a {@code $} expansion at {@code pos}; returns null (consuming nothing) when the $ is literal. */
    private WordPart readDollar(boolean quoted) {
        int start = pos;
        if (pos + 1 >= src.length()) {
            return null;
        }
        char n = src.charAt(pos + 1);
        if (n == '{') {
            return readBraced(quoted);
        }
        if (n == '(') {
            if (pos + 2 < src.length() && src.charAt(pos + 2) == '(') {
                throw new SyntaxException("arithmetic expansion $((...)) is not supported", pos, false);
            }
            return readCommandSubstitution(quoted);
        }
        if (n == '?' || n == '#' || n == '@' || n == '*' || n == '$' || n == '!' || n == '-'
                || Character.isDigit(n)) {
            pos += 2;
            return new WordPart.Param(String.valueOf(n), quoted);
        }
        if (n == '_' || isAsciiLetter(n)) {
            int end = pos + 1;
            while (end < src.length() && isNameChar(src.charAt(end))) {
                end++;
            }
            pos = end;
            return new WordPart.Param(src.substring(start + 1, end), quoted);
        }
        if (n == '\'' && !quoted) {
            pos++;
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
        int open = pos;
        int close = matchBrace(pos + 2, open);
        String body = src.substring(pos + 2, close);
        int bodyStart = pos + 2;
        pos = close + 1;
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
        if (c != '_' && !isAsciiLetter(c)) {
            return i;
        }
        while (j < body.length() && isNameChar(body.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isName(String s) {
        return !s.isEmpty() && nameEnd(s, 0) == s.length();
    }

    /** The offset of the {@code }} closing the {@code ${} whose body starts at {@code from}. */
    private int matchBrace(int from, int open) {
        int depth = 0;
        for (int i = from; i < src.length(); i++) {
            char d = src.charAt(i);
            if (d == '\\') {
                i++;
            } else if (d == '\'') {
                int q = src.indexOf('\'', i + 1);
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
        int open = pos;
        int depth = 0;
        int i = pos + 2;
        while (i < src.length()) {
            char d = src.charAt(i);
            switch (d) {
                case '\\' -> i++;
                case '\'' -> {
                    int q = src.indexOf('\'', i + 1);
                    if (q < 0) {
                        i = src.length();
                        continue;
                    }
                    i = q;
                }
                case '"' -> {
                    i++;
                    while (i < src.length() && src.charAt(i) != '"') {
                        if (src.charAt(i) == '\\') {
                            i++;
                        }
                        i++;
                    }
                }
                case '(' -> depth++;
                case ')' -> {
                    if (depth == 0) {
                        pos = i + 1;
                        return new WordPart.Command(src.substring(open + 2, i), quoted);
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
    private WordPart readBackquoted(boolean quoted) {
        int open = pos;
        StringBuilder inner = new StringBuilder();
        int i = pos + 1;
        while (i < src.length()) {
            char d = src.charAt(i);
            if (d == '`') {
                pos = i + 1;
                return new WordPart.Command(inner.toString(), quoted);
            }
            if (d == '\\' && i + 1 < src.length()) {
                char n = src.charAt(i + 1);
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
        int open = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new SyntaxException("unexpected EOF while looking for matching `''", open, true);
            }
            char c = src.charAt(pos++);
            if (c == '\'') {
                break;
            }
            if (c == '\\' && pos < src.length()) {
                char e = src.charAt(pos++);
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
                        int end = pos;
                        while (end < src.length() && end < pos + max && Character.digit(src.charAt(end), 16) >= 0) {
                            end++;
                        }
                        if (end == pos) {
                            sb.append('\\').append(e);
                        } else {
                            int cp = Integer.parseInt(src.substring(pos, end), 16);
                            if (e == 'x') {
                                sb.append((char) cp);
                            } else {
                                sb.appendCodePoint(cp);
                            }
                            pos = end;
                        }
                    }
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        int end = pos;
                        while (end < src.length() && end < pos + 2 && src.charAt(end) >= '0' && src.charAt(end) <= '7') {
                            end++;
                        }
                        sb.append((char) (Integer.parseInt(e + src.substring(pos, end), 8) & 0xff));
                        pos = end;
                    }
                    default -> sb.append(e == '\'' || e == '"' || e == '\\' || e == '?' ? String.valueOf(e) : "\\" + e);
                }
            } else {
                sb.append(c);
            }
        }
        return new WordPart.Literal(sb.toString(), true);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return c == '_' || isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static void flush(List<WordPart> parts, StringBuilder lit, boolean quoted) {
        if (!lit.isEmpty()) {
            parts.add(new WordPart.Literal(lit.toString(), quoted));
            lit.setLength(0);
        }
    }
}
