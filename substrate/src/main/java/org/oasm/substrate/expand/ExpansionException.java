package org.oasm.substrate.expand;

/**
 * A word that cannot be expanded. Most are the failure of one command (an ambiguous redirection
 * target, status 1); {@linkplain #fatal() fatal} ones ({@code ${X:?}}, a bad substitution) end a
 * non-interactive shell, as in bash, with {@link #status()}.
 */
public final class ExpansionException extends RuntimeException {

    private final int status;
    private final boolean fatal;

    public ExpansionException(String message) {
        this(message, 1, false);
    }

    public ExpansionException(String message, int status, boolean fatal) {
        super(message, null, false, false);
        this.status = status;
        this.fatal = fatal;
    }

    public int status() {
        return status;
    }

    public boolean fatal() {
        return fatal;
    }
}
