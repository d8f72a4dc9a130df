package org.oasm.cockpit.templates;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.oasm.substrate.ExecutionListener;
import org.oasm.substrate.Shell;
import org.oasm.substrate.builtin.Builtins;
import org.oasm.substrate.exec.CommandResolver;
import org.oasm.substrate.exec.Endpoint;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.ShellExit;
import org.oasm.substrate.exec.ShellState;
import org.oasm.substrate.exec.TerminalInfo;

/**
 * Runs the command lines of {@code run} steps (and of {@code command} conditions) in a fresh
 * substrate shell whose working directory is the working copy, with the block's parameters in the
 * environment ({@code OASM_PARAM_NAME}) on top of the environment of the shell that runs the block. Output goes to the command's streams; the shell's
 * listener records every line as the step's automation actor. A timeout interrupts the line,
 * which stops its processes.
 */
final class StepShell {

    /** How a command line ended: its status, or a timeout. */
    record Ended(int status, boolean timedOut) {
    }

    private final Path dir;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    /** @param environment the environment of the shell that runs {@code oasm execute} */
    StepShell(Path dir, Map<String, String> environment, Map<String, String> extraEnvironment, PrintStream out, PrintStream err) {
        this.dir = dir;
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(extraEnvironment);
        this.environment = env;
        this.out = out;
        this.err = err;
    }

    /** The program {@code name} on this shell's PATH, if it is there. */
    Optional<Path> find(String name) {
        return CommandResolver.searchPath(name, new ShellState(dir, environment));
    }

    Ended run(String command, String origin, ExecutionListener listener, Integer timeoutSeconds) throws InterruptedException {
        Shell shell = new Shell(new ShellState(dir, environment), Builtins.standard(), listener, TerminalInfo.NONE);
        IoContext io = new IoContext(new Endpoint.Null(), Endpoint.Stream.writing(out), Endpoint.Stream.writing(err));
        int[] status = {1};
        out.flush();
        err.flush();
        Thread t = Thread.ofPlatform().name("oasm-step").start(() -> {
            try {
                status[0] = shell.run(command, origin, io);
            } catch (ShellExit e) {
                status[0] = e.status();
            }
        });
        try {
            if (timeoutSeconds == null) {
                t.join();
            } else if (!t.join(java.time.Duration.ofSeconds(timeoutSeconds))) {
                t.interrupt();
                t.join(TimeUnit.SECONDS.toMillis(10));
                return new Ended(124, true);
            }
        } catch (InterruptedException e) {
            t.interrupt();
            t.join(TimeUnit.SECONDS.toMillis(10));
            throw e;
        }
        out.flush();
        err.flush();
        return new Ended(status[0], false);
    }
}
