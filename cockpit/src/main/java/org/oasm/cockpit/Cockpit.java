package org.oasm.cockpit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.oasm.substrate.ExecutionListener;
import org.oasm.substrate.Shell;
import org.oasm.substrate.builtin.Builtins;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.ShellExit;
import org.oasm.substrate.exec.ShellState;
import org.oasm.substrate.exec.TerminalInfo;

/**
 * A running cockpit: the shell, its builtins and the {@code oasm} command, in one of the modes of
 * {@link LaunchOptions}.
 */
public final class Cockpit {

    private Cockpit() {
    }

    public static int start(LaunchOptions options) throws IOException {
        ShellState state = new ShellState(Path.of("").toAbsolutePath(), System.getenv());
        Builtins builtins = Builtins.standard();
        Shell shell = new Shell(state, builtins, ExecutionListener.NONE, TerminalInfo.NONE);
        IoContext io = IoContext.inherited();
        try {
            return switch (options.mode()) {
                case COMMAND_STRING -> {
                    state.setArguments("oasm", options.args());
                    yield shell.run(options.command(), "-c", io);
                }
                case SESSION_FILE -> shell.runFile(options.file(), options.args(), state, io);
                case INTERACTIVE, TRAIN, SUBCOMMAND -> readStdin(shell, io);
            };
        } catch (ShellExit e) {
            return e.status();
        }
    }

    private static int readStdin(Shell shell, IoContext io) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder all = new StringBuilder();
        String line;
        int status = 0;
        while ((line = r.readLine()) != null) {
            all.append(line).append('\n');
        }
        return shell.run(all.toString(), "stdin", io);
    }
}
