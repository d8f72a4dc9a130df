package org.oasm.substrate;

/**
 * Told of the start and end of every command line and every command (pipeline stage) the shell
 * runs. Provenance recording hangs on this hook; implementations must be quick and must not throw.
 */
public interface ExecutionListener {

    /** A listener that records nothing. */
    ExecutionListener NONE = new ExecutionListener() { };

    default void started(CommandEvent event) {
    }

    default void finished(CommandEvent event, CommandOutcome outcome) {
    }
}
