package org.oasm.substrate.builtin;

import java.io.IOException;
import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/**
 * A command that runs inside the cockpit instead of as a process: the shell builtins, and the
 * {@code oasm} command the cockpit registers. It reads and writes only the given streams, so it
 * takes part in pipes and redirections like a program does, and returns its exit status.
 */
@FunctionalInterface
public interface Builtin {

    int run(String name, List<String> args, CommandIO io, BuiltinContext context) throws IOException;
}
