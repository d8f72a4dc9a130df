package org.oasm.substrate.builtin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.oasm.substrate.exec.ShellState;

/** What a builtin may reach of the shell that runs it. */
public interface BuiltinContext {

    /** The state it runs in (a copy when it is one stage of a pipeline). */
    ShellState state();

    /** The registered builtins, for {@code which} and completion. */
    Builtins builtins();

    /** The line history, oldest first. */
    List<String> history();

    /** Runs a file's commands in the current state ({@code source}); args replace $1.. when given. */
    int source(Path file, List<String> args);

    /** Width of the terminal in columns, 80 when unknown. */
    int terminalColumns();

    /**
     * Launches a program with the builtin's own descriptors (real files and terminals are passed
     * as they are) and waits for it: {@code env CMD}, command-block steps.
     */
    int launch(List<String> argv, Map<String, String> environment) throws IOException, InterruptedException;
}
