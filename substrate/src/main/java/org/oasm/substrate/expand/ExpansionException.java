package org.oasm.substrate.expand;

/** A word that cannot be expanded, such as an ambiguous redirection target. Exit status 1. */
public final class ExpansionException extends RuntimeException {
    public ExpansionException(String message) {
        super(message);
    }
}
