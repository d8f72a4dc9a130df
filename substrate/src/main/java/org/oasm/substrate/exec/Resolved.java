package org.oasm.substrate.exec;

import java.nio.file.Path;
import java.util.List;
import org.oasm.substrate.builtin.Builtin;

/** What a command name turned out to be, after aliases, builtins, scripts and PATH. */
public sealed interface Resolved {

    /** A builtin or {@code oasm} command that runs inside the cockpit. */
    record BuiltinCommand(String name, Builtin builtin) implements Resolved { }

    /**
     * A program to launch with this argv (for scripts: the interpreter and the script path);
     * {@code program} is the file that runs, {@code name} what argv[0] should say (as typed).
     */
    record External(List<String> argv, Path program, String name) implements Resolved {
        public External {
            argv = List.copyOf(argv);
        }
    }

    /** An {@code .oasm} session file, run by the cockpit itself with these arguments; {@code name} as typed ($0). */
    record OasmScript(Path file, String name, List<String> args) implements Resolved { }

    /** A command that cannot run: message and status (127 not found, 126 not executable). */
    record Failure(String message, int status) implements Resolved { }
}
