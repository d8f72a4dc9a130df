package org.oasm.formats.workcopy;

/**
 * A user error of copy-on-work: an unknown copy, a source that changed since the copy was made,
 * a copy that is no longer active. Exists so that the cockpit's one error reporter prints one
 * line naming the file or copy and the problem, and exits with the contract's status 1.
 */
public final class WorkingCopyException extends RuntimeException {

    /** The contract's exit status for a failed command. */
    public static final int EXIT_STATUS = 1;

    public WorkingCopyException(String message) {
        super(message);
    }

    public WorkingCopyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exit status the cockpit returns for this error. */
    public int exitStatus() {
        return EXIT_STATUS;
    }
}
