package org.oasm.formats.store;

/**
 * A user error of the artifact store: a malformed reference, a refused put, a missing or altered
 * artifact. Exists so that the cockpit's one error reporter can print a single line that names
 * the file or reference and the problem ({@code template_001/v1.0: already stored with other
 * content}) and exit with the contract's status 1, without a stack trace.
 */
public final class StoreException extends RuntimeException {

    /** The contract's exit status for a failed command. */
    public static final int EXIT_STATUS = 1;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exit status the cockpit returns for this error. */
    public int exitStatus() {
        return EXIT_STATUS;
    }
}
