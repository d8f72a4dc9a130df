package org.oasm.substrate.parse;

import org.oasm.substrate.lex.Word;

/**
 * One redirection of a command, in the order it was written (order matters:
 * {@code >f 2>&1} and {@code 2>&1 >f} differ).
 */
public record Redirect(Kind kind, int fd, Word target, int start, int end) {

    /** What the redirection does to {@code fd}. */
    public enum Kind {
        /** {@code N<file}: read from a file. */
        READ,
        /** {@code N>file}: truncate and write. */
        WRITE,
        /** {@code N>>file}: append. */
        APPEND,
        /** {@code N>&M} / {@code N<&M}: make fd a copy of M (target is the fd number or {@code -}). */
        DUPLICATE,
        /** {@code &>file}: stdout and stderr to a file, truncating. */
        WRITE_BOTH,
        /** {@code &>>file}: stdout and stderr appended to a file. */
        APPEND_BOTH
    }
}
