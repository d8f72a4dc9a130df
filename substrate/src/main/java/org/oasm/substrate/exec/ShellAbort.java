package org.oasm.substrate.exec;

/**
 * Abandons the rest of an interactive line after an error that would end a script (such as
 * {@code ${X:?}}); the shell itself goes on, with {@link #status()} as the line's status.
 */
public final class ShellAbort extends RuntimeException {
    private final int status;

    public ShellAbort(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
