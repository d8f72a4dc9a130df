package org.oasm.cockpit;

import java.io.PrintStream;

/**
 * The one place where errors reach the user: one line on stderr, by kind, with the exit status the
 * contract gives. The stack trace appears only with {@code --debug}.
 */
public final class ErrorReporter {

    private ErrorReporter() {
    }

    public static void usage(String message) {
        System.err.println("oasm: " + message);
    }

    /** Prints a failure and returns its exit status. */
    public static int report(Throwable t, boolean debug) {
        return report(t, debug, System.err);
    }

    /** Like {@link #report(Throwable, boolean)}, onto {@code err} (a resident cockpit's client's). */
    public static int report(Throwable t, boolean debug, PrintStream err) {
        Throwable root = t;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        err.println("oasm: " + msg.lines().findFirst().orElse(msg));
        if (debug) {
            t.printStackTrace(err);
        }
        return 1;
    }
}
