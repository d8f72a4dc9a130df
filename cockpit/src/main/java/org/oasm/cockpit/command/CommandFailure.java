package org.oasm.cockpit.command;

/** A command that ran and failed for a reason the user can act on. Exit status 1 unless given. */
public final class CommandFailure extends RuntimeException {
    private final int status;

    public CommandFailure(String message) {
        this(message, 1);
    }

    public CommandFailure(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
