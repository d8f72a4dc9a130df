package org.oasm.formats.root;

/**
 * The user error of asm-formats: a bad file, an unknown id, a record that cannot be found. Its
 * message is one line naming the file and the problem, so that the cockpit's error reporter can
 * print it as {@code oasm: MESSAGE}; it carries the contract's exit status (1 failed, 2 usage).
 */
public class OasmException extends RuntimeException {

    /** Exit status of a failed command. */
    public static final int FAILED = 1;
    /** Exit status of a usage error (unknown id, bad option value). */
    public static final int USAGE = 2;

    private final int exitStatus;

    public OasmException(String message) {
        this(message, FAILED, null);
    }

    public OasmException(String message, int exitStatus) {
        this(message, exitStatus, null);
    }

    public OasmException(String message, int exitStatus, Throwable cause) {
        super(message, cause);
        this.exitStatus = exitStatus;
    }

    /** The exit status the cockpit should end the command with. */
    public int exitStatus() {
        return exitStatus;
    }
}
