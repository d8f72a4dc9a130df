package org.oasm.substrate.expand;

/**
 * Runs the commands of a {@code $(...)} and returns what they wrote to stdout. The executor
 * provides it; expansion itself knows nothing about running commands.
 */
@FunctionalInterface
public interface CommandSubstitution {

    /** Without an executor (completion, highlighting), substitutions expand to nothing. */
    CommandSubstitution NONE = source -> "";

    String output(String source);
}
