package org.oasm.substrate.lex;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The control and redirection operators of the shell language. Each constant carries its symbol;
 * the lexer matches them longest first, so {@code &&} wins over {@code &} and {@code >>} over
 * {@code >}.
 */
public enum Operator {
    AND_IF("&&"),
    OR_IF("||"),
    PIPE_BOTH("|&"),
    PIPE("|"),
    /** {@code ;;} ends a case branch in bash; here it is only ever an unexpected token. */
    DSEMI(";;"),
    SEMI(";"),
    AMP("&"),
    LPAREN("("),
    RPAREN(")"),
    HEREDOC("<<"),
    APPEND_BOTH("&>>"),
    BOTH("&>"),
    APPEND(">>"),
    DUP_OUT(">&"),
    DUP_IN("<&"),
    CLOBBER(">|"),
    OUT(">"),
    IN("<");

    private static final List<Operator> LONGEST_FIRST = Arrays.stream(values())
            .sorted(Comparator.comparingInt((Operator o) -> o.symbol.length()).reversed())
            .toList();

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True for the operators that redirect a file descriptor. */
    public boolean isRedirection() {
        return switch (this) {
            case APPEND_BOTH, BOTH, APPEND, DUP_OUT, DUP_IN, CLOBBER, OUT, IN, HEREDOC -> true;
            default -> false;
        };
    }

    /** The operator that starts at {@code pos} in {@code text}, longest first, or null. */
    static Operator match(CharSequence text, int pos) {
        for (Operator op : LONGEST_FIRST) {
            String s = op.symbol;
            if (pos + s.length() <= text.length()
                    && text.subSequence(pos, pos + s.length()).toString().equals(s)) {
                return op;
            }
        }
        return null;
    }
}
