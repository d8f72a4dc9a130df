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

    default int columns() {
        return 80;
    }

    /** Called before a foreground program that may use the terminal starts, and after it ends. */
    default void foregroundStarted() {
    }

    default void foregroundEnded() {
    }
}
