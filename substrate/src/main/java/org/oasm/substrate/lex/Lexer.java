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
    private int pos;

    private Lexer(String src) {
        this.src = src;
    }

    /** Tokenizes the whole source, ending with an EOF token. */
    public static List<Token> tokenize(String source) {
        Lexer lexer = new Lexer(source);
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
        if (c == '#') {
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
        if (src.charAt(pos) == '~') {
            int end = pos + 1;
            while (end < src.length() && isUserChar(src.charAt(end))) {
                end++;
            }
            if (end == src.length() || src.charAt(end) == '/' || isMeta(src.charAt(end))) {
                parts.add(new WordPart.Tilde(src.substring(pos + 1, end)));
                pos = end;
            }
        }
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
                        throw new SyntaxException("unexpected end of file after `\\'", pos, true);
                    }
                    char n = src.charAt(pos + 1);
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
                case '`' -> throw new SyntaxException("command substitution with `...` is not supported", pos, false);
                default -> {
                    lit.append(c);
                    pos++;
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

    private static boolean isFdNumber(Word w) {
        return w.isPlain() && !w.parts().isEmpty() && w.literalText().matches("[0-9]");
    }

    private static boolean isUserChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    private void readDoubleQuoted(List<WordPart> parts) {
        int open = pos;
        pos++;
        StringBuilder lit = new StringBuilder();
        boolean any = false;
        while (true) {
            if (pos >= src.length()) {
                throw new SyntaxException("unexpected EOF while looking for matching `\"'", open, true);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                if (n == '$' || n == '`' || n == '"' || n == '\\') {
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
                throw new SyntaxException("command substitution with `...` is not supported", pos, false);
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
            throw new SyntaxException("command substitution $(...) is not supported", pos, false);
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

    private WordPart readBraced(boolean quoted) {
        int open = pos;
        pos += 2;
        int nameStart = pos;
        if (pos < src.length() && "?#@*$!-".indexOf(src.charAt(pos)) >= 0) {
            pos++;
        } else {
            while (pos < src.length() && isNameChar(src.charAt(pos))) {
                pos++;
            }
        }
        String name = src.substring(nameStart, pos);
        if (pos >= src.length()) {
            throw new SyntaxException("unexpected EOF while looking for matching `}'", open, true);
        }
        if (name.equals("#") && pos < src.length() && isNameChar(src.charAt(pos))) {
            int s = pos;
            while (pos < src.length() && isNameChar(src.charAt(pos))) {
                pos++;
            }
            expect('}', open);
            return new WordPart.Param(src.substring(s, pos - 1), quoted, "#", null);
        }
        if (name.isEmpty()) {
            throw new SyntaxException("${" + restUntilBrace() + "}: bad substitution", open, false);
        }
        char c = src.charAt(pos);
        if (c == '}') {
            pos++;
            return new WordPart.Param(name, quoted);
        }
        String operator;
        if (src.startsWith(":-", pos) || src.startsWith(":=", pos) || src.startsWith(":+", pos)) {
            operator = src.substring(pos, pos + 2);
            pos += 2;
        } else if (c == '-' || c == '=' || c == '+') {
            operator = String.valueOf(c);
            pos++;
        } else {
            throw new SyntaxException("${" + name + restUntilBrace() + "}: bad substitution", open, false);
        }
        int operandStart = pos;
        int depth = 0;
        while (pos < src.length() && !(src.charAt(pos) == '}' && depth == 0)) {
            char d = src.charAt(pos);
            if (d == '\\') {
                pos++;
            } else if (d == '{') {
                depth++;
            } else if (d == '}') {
                depth--;
            }
            pos++;
        }
        if (pos >= src.length()) {
            throw new SyntaxException("unexpected EOF while looking for matching `}'", open, true);
        }
        String operandText = src.substring(operandStart, pos);
        pos++;
        Word operand = operandWord(operandText, quoted, operandStart);
        return new WordPart.Param(name, quoted, operator, operand);
    }

    private static Word operandWord(String text, boolean quoted, int offset) {
        if (quoted) {
            return new Word(List.of(new WordPart.Literal(text, true)), offset, offset + text.length());
        }
        List<Token> toks = Lexer.tokenize(text.isEmpty() ? "''" : text);
        List<WordPart> parts = new ArrayList<>();
        for (Token t : toks) {
            if (t.kind() == Token.Kind.WORD) {
                if (!parts.isEmpty()) {
                    parts.add(new WordPart.Literal(" ", false));
                }
                parts.addAll(t.word().parts());
            }
        }
        return new Word(parts, offset, offset + text.length());
    }

    private String restUntilBrace() {
        int close = src.indexOf('}', pos);
        return close < 0 ? src.substring(pos) : src.substring(pos, close);
    }

    private void expect(char c, int open) {
        if (pos >= src.length() || src.charAt(pos) != c) {
            throw new SyntaxException("unexpected EOF while looking for matching `" + c + "'", open, true);
        }
        pos++;
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
                    case '0' -> sb.append('\0');
                    default -> sb.append(e == '\'' || e == '"' || e == '\\' ? String.valueOf(e) : "\\" + e);
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
