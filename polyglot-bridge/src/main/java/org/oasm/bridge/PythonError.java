package org.oasm.bridge;

/**
 * A call into Python that failed: the module raised an exception, ran out of time or memory, or
 * was refused before it ran. The message is one line naming the module and the Python exception
 * ({@code pattern_lab: ValueError: no diagnostics found}); the Python traceback is kept apart for
 * {@code --debug}. Exit status 1, as for any command that ran and failed.
 */
public final class PythonError extends RuntimeException {

    /** Why the call failed. */
    public enum Kind {
        /** The module raised a Python exception. */
        EXCEPTION,
        /** The call ran past its time limit and was cancelled. */
        TIME_LIMIT,
        /** The call grew the heap past its memory bound and was cancelled. */
        MEMORY_LIMIT,
        /** The call executed more Python statements than its statement limit. */
        STATEMENT_LIMIT,
        /** The module or function does not exist or may not be called. */
        NOT_CALLABLE,
        /** The Python runtime itself failed (not the module's fault). */
        RUNTIME
    }

    private final String module;
    private final Kind kind;
    private final String pythonType;
    private final String traceback;

    public PythonError(String module, Kind kind, String pythonType, String message, String traceback) {
        super(module + ": " + firstLine(message));
        this.module = module;
        this.kind = kind;
        this.pythonType = pythonType;
        this.traceback = traceback == null ? "" : traceback;
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "(no message)";
        }
        return s.strip().lines().findFirst().orElse(s).strip();
    }

    public String module() {
        return module;
    }

    public Kind kind() {
        return kind;
    }

    /** The Python exception's class name, e.g. {@code ValueError}; empty when none was raised. */
    public String pythonType() {
        return pythonType == null ? "" : pythonType;
    }

    /** The Python traceback, for {@code --debug}; empty when there is none. */
    public String traceback() {
        return traceback;
    }

    public int exitStatus() {
        return 1;
    }
}
