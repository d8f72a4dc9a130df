package org.oasm.substrate.exec;

/** Thrown by {@code exit}: unwinds to the top of the shell (or of a pipeline stage) with a status. */
public final class ShellExit extends RuntimeException {
    private final int status;

    public ShellExit(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
