package org.oasm.substrate.expand;

/**
 * A word that cannot be expanded, and how much it stops, as in bash: most end the one command
 * (an ambiguous redirection target, status 1); a bad substitution abandons the rest of the input
 * line; {@code ${X:?}} ends a non-interactive shell.
 */
public final class ExpansionException extends RuntimeException {

    /** What a failed expansion stops. */
    public enum Scope { COMMAND, LINE, SHELL }

    private final int status;
    private final Scope scope;

    public ExpansionException(String message) {
        this(message, 1, Scope.COMMAND);
    }

    public ExpansionException(String message, int status, Scope scope) {
        super(message, null, false, false);
        this.status = status;
        this.scope = scope;
    }

    public int status() {
        return status;
    }

    public Scope scope() {
        return scope;
    }
}
