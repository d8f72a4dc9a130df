package org.oasm.substrate.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oasm.substrate.builtin.BuiltinContext;
import org.oasm.substrate.builtin.Builtins;

/** The {@link BuiltinContext} of one builtin run: its state, descriptors and the shell around it. */
record BuiltinInvocation(ShellState state, Builtins builtins, IoContext io, Executor.ScriptRunner scripts,
        TerminalInfo terminal) implements BuiltinContext {

    @Override
    public List<String> history() {
        return scripts.history();
    }

    @Override
    public int source(Path file, List<String> args) {
        List<String> savedArgs = state.positional();
        String savedName = state.scriptName();
        if (!args.isEmpty()) {
            state.setArguments(savedName, args);
        }
        try {
            return scripts.runSourced(file, state, io);
        } finally {
            if (!args.isEmpty()) {
                state.setArguments(savedName, savedArgs);
            }
        }
    }

    @Override
    public int terminalColumns() {
        return terminal.columns();
    }

    @Override
    public int launch(List<String> argv, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(state.cwd().toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        pb.redirectInput(ProcessRedirects.forInput(io.in()));
        pb.redirectOutput(ProcessRedirects.forOutput(io.out(), 1));
        if (io.err().equals(io.out())) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(ProcessRedirects.forOutput(io.err(), 2));
        }
        Process p = Launch.start(pb);
        List<Thread> pumps = new ArrayList<>();
        if (io.in() instanceof Endpoint.Stream s && s.in() != null) {
            pumps.add(Thread.ofPlatform().daemon().start(() -> copy(s.in(), p.getOutputStream(), true)));
        } else if (io.in() instanceof Endpoint.Stream) {
            p.getOutputStream().close();
        }
        if (io.out() instanceof Endpoint.Stream s && s.out() != null) {
            pumps.add(Thread.ofPlatform().daemon().start(() -> copy(p.getInputStream(), s.out(), false)));
        }
        if (!io.err().equals(io.out()) && io.err() instanceof Endpoint.Stream s && s.out() != null) {
            pumps.add(Thread.ofPlatform().daemon().start(() -> copy(p.getErrorStream(), s.out(), false)));
        }
        int status = p.waitFor();
        for (Thread t : pumps) {
            t.join();
        }
        return status;
    }

    private static void copy(java.io.InputStream in, java.io.OutputStream out, boolean close) {
        try (in) {
            in.transferTo(out);
            out.flush();
        } catch (IOException ignored) {
            // reader gone
        } finally {
            if (close) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }
    }
}
