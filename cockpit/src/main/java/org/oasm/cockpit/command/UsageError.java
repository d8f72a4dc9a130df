package org.oasm.cockpit.command;

/** A command line an {@code oasm} command cannot accept: unknown option, missing argument. Exit 2. */
public final class UsageError extends RuntimeException {
    public UsageError(String message) {
        super(message);
    }
}
