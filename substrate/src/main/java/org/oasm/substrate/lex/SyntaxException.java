package org.oasm.substrate.lex;

/**
 * A line that is not valid shell syntax. It says where the line broke and what was expected.
 * {@link #incomplete()} marks lines that are fine so far but unfinished (an open quote, a trailing
 * {@code |} or {@code &&}, a final backslash): an interactive reader asks for a continuation line
 * instead of reporting them.
 */
public final class SyntaxException extends RuntimeException {

    private final int position;
    private final boolean incomplete;

    public SyntaxException(String message, int position, boolean incomplete) {
        super(message);
        this.position = position;
        this.incomplete = incomplete;
    }

    /** Offset in the source where the problem was found. */
    public int position() {
        return position;
    }

    /** True when more input could complete the line. */
    public boolean incomplete() {
        return incomplete;
    }
}
