package org.oasm.substrate.lex;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell source text into tokens: words (with their quoting kept per part), operators,
 * newlines. Comments and backslash-newline continuations are dropped here. The lexer knows nothing
 * about grammar; {@link org.oasm.substrate.parse.Parser} does.
 */
public final class Lexer {

    final String src;
    private final boolean more;
    /** False inside the word of a {@code ${X:-word}}, where {@code #} starts no comment. */
    boolean comments = true;
    int pos;
    private final DollarLexer dollar = new DollarLexer(this);

    Lexer(String src, boolean more) {
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

    Token next() {
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
                    WordPart p = dollar.readDollar(false);
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
                    parts.add(dollar.readBackquoted(false));
                }
                default -> {
                    lit.append(c);
                    pos++;
                    if (c == '=' && !assignment && parts.isEmpty() && DollarLexer.isName(lit.substring(0, lit.length() - 1))) {
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
    void readDoubleQuotedBody(List<WordPart> parts, int open, boolean operand) {
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
                WordPart p = dollar.readDollar(true);
                if (p != null) {
                    flush(parts, lit, true);
                    parts.add(p);
                    any = true;
                    continue;
                }
            }
            if (c == '`') {
                flush(parts, lit, true);
                parts.add(dollar.readBackquoted(true));
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

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(char c) {
        return c == '_' || isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static void flush(List<WordPart> parts, StringBuilder lit, boolean quoted) {
        if (!lit.isEmpty()) {
            parts.add(new WordPart.Literal(lit.toString(), quoted));
            lit.setLength(0);
        }
    }
}
