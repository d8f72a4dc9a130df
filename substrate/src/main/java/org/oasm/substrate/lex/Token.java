package org.oasm.substrate.lex;

/**
 * A lexical token with its offsets in the source. A word carries its {@link Word}; an operator its
 * {@link Operator} and, for redirections, the file descriptor written before it ({@code 2>}), or
 * -1 when none was written.
 */
public record Token(Kind kind, Word word, Operator operator, int fd, int start, int end) {

    /** What a token is. */
    public enum Kind { WORD, OPERATOR, NEWLINE, EOF }

    static Token word(Word w) {
        return new Token(Kind.WORD, w, null, -1, w.start(), w.end());
    }

    static Token operator(Operator op, int fd, int start, int end) {
        return new Token(Kind.OPERATOR, null, op, fd, start, end);
    }

    static Token newline(int pos) {
        return new Token(Kind.NEWLINE, null, null, -1, pos, pos + 1);
    }

    static Token eof(int pos) {
        return new Token(Kind.EOF, null, null, -1, pos, pos);
    }

    public boolean is(Operator op) {
        return kind == Kind.OPERATOR && operator == op;
    }

    /** The token as bash names it in "syntax error near unexpected token" messages. */
    public String display() {
        return switch (kind) {
            case WORD -> word.literalText();
            case OPERATOR -> (fd >= 0 ? Integer.toString(fd) : "") + operator.symbol();
            case NEWLINE -> "newline";
            case EOF -> "newline";
        };
    }
}
