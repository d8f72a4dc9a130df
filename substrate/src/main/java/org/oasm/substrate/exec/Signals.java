package org.oasm.substrate.exec;

/**
 * The line bash prints when a foreground program was killed by a signal (status 128+N): just
 * "Terminated" for SIGTERM, nothing for SIGINT and SIGPIPE (the user pressed Ctrl-C; a reader
 * went away), else the process id, the signal's description and the command.
 */
final class Signals {

    private static final String[] DESCRIPTIONS = {
        null, "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted",
        "Bus error", "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault",
        "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", null,
        "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
        "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded",
        "Virtual timer expired", "Profiling timer expired", "Window changed", "I/O possible",
        "Power failure", "Bad system call"
    };

    private Signals() {
    }

    /** The description of signal {@code n}, or null for the ones bash keeps quiet about. */
    static String description(int n) {
        if (n == 2 || n == 13 || n <= 0 || n >= DESCRIPTIONS.length) {
            return null;
        }
        return DESCRIPTIONS[n];
    }

    static void report(int status, long pid, String command, Endpoint err, ShellState state) {
        String d = description(status - 128);
        if (d == null) {
            return;
        }
        if (status - 128 == 15) {
            Executor.printError(err, d);
            return;
        }
        String pad = " ".repeat(Math.max(2, 24 - d.length()));
        Executor.printError(err, state.errorPrefix() + String.format("%5d", pid) + " " + d + pad + command);
    }
}
