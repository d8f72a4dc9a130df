package org.oasm.substrate.exec;

/**
 * What the shell may ask about the user's terminal, without depending on a terminal library: the
 * cockpit answers from JLine, scripts and tests from the defaults.
 */
public interface TerminalInfo {

    /** Not a terminal, 80 columns. */
    TerminalInfo NONE = new TerminalInfo() { };

    /** Whether the cockpit's own descriptor {@code fd} is a terminal. */
    default boolean isTerminal(int fd) {
        return false;
    }

    /**
     * Whether a command's descriptor pointing at {@code where} writes to (or reads from) the
     * user's terminal: one of the cockpit's own descriptors that is a terminal, by default. A
     * cockpit that runs commands for another process (the resident cockpit) knows its paths.
     */
    default boolean isTerminal(Endpoint where) {
        return where instanceof Endpoint.Inherit i && isTerminal(i.fd());
    }

    default int columns() {
        return 80;
    }

    /** Called before a foreground program that may use the terminal starts, and after it ends. */
    default void foregroundStarted() {
    }

    default void foregroundEnded() {
    }
}
