package org.oasm.substrate.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.oasm.substrate.parse.Node;

/**
 * Runs one pipeline. Adjacent external programs are connected with real OS pipes
 * ({@link ProcessBuilder#startPipeline}); a builtin in a pipeline runs on its own thread, on a copy
 * of the shell state, and talks to its neighbours through Java streams. The pipeline's status is
 * its last command's.
 */
final class PipelineRunner {

    private final Executor executor;

    PipelineRunner(Executor executor) {
        this.executor = executor;
    }

    int run(Node.Pipeline pipeline, String source, ShellState state, IoContext io, long lineId) {
        List<Node.Simple> nodes = pipeline.stages();
        int n = nodes.size();
        List<Stage> stages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Stage s = new Stage(nodes.get(i), i);
            IoContext base = new IoContext(
                    i == 0 ? io.in() : new Endpoint.Pipe(i - 1),
                    i == n - 1 ? io.out() : new Endpoint.Pipe(i),
                    io.err());
            executor.prepare(s, base, state, lineId);
            stages.add(s);
        }
        disconnectUnusedPipes(stages);
        List<Thread> pumps = new ArrayList<>();
        boolean foreground = stages.stream().anyMatch(Stage::external);
        if (foreground) {
            executor.terminal().foregroundStarted();
        }
        try {
            startExternals(stages, source, lineId, pumps);
            connectInternals(stages, pumps);
            startInternals(stages, state, n == 1, source, lineId);
            for (Stage s : stages) {
                s.status = waitFor(s);
                executor.stageFinished(s);
            }
            for (Thread t : pumps) {
                t.join();
            }
        } catch (InterruptedException e) {
            stages.forEach(s -> {
                if (s.process != null) {
                    s.process.destroy();
                } else if (s.nativeSpawned) {
                    NativeChain.terminate(s);
                }
            });
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            if (foreground) {
                executor.terminal().foregroundEnded();
            }
        }
        if (n == 1 && stages.getFirst().exit != null) {
            throw stages.getFirst().exit;
        }
        Stage last = stages.getLast();
        int status = last.status;
        boolean killed = last.nativeSpawned ? last.signaled : last.process != null && status > 128;
        if (killed && !executor.isExecOptimized(last.node)) {
            Signals.report(status, last.nativeSpawned ? last.pid : last.process.pid(), last.node.text(source), io.err(),
                    state);
        }
        return pipeline.negated() ? (status == 0 ? 1 : 0) : status;
    }

    /** A pipe whose reader redirected its stdin away gets no writer, and vice versa. */
    private static void disconnectUnusedPipes(List<Stage> stages) {
        for (int b = 0; b + 1 < stages.size(); b++) {
            Endpoint pipe = new Endpoint.Pipe(b);
            Stage w = stages.get(b);
            Stage r = stages.get(b + 1);
            boolean readerConnected = pipe.equals(r.io.in());
            boolean writerConnected = pipe.equals(w.io.out()) || pipe.equals(w.io.err());
            if (!readerConnected) {
                w.io = replace(w.io, pipe, new Endpoint.Null());
            }
            if (!writerConnected) {
                r.io = replace(r.io, pipe, new Endpoint.Null());
            }
        }
    }

    private static IoContext replace(IoContext io, Endpoint from, Endpoint to) {
        return new IoContext(io.in().equals(from) ? to : io.in(), io.out().equals(from) ? to : io.out(),
                io.err().equals(from) ? to : io.err());
    }

    private static boolean osPipe(Stage w, Stage r) {
        Endpoint pipe = new Endpoint.Pipe(w.index);
        return w.external() && r.external() && pipe.equals(w.io.out()) && pipe.equals(r.io.in())
                && (!pipe.equals(w.io.err()) || w.io.err().equals(w.io.out()));
    }

    private void startExternals(List<Stage> stages, String source, long lineId, List<Thread> pumps) {
        int i = 0;
        while (i < stages.size()) {
            Stage first = stages.get(i);
            if (!first.external()) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < stages.size() && osPipe(stages.get(j), stages.get(j + 1))) {
                j++;
            }
            List<Stage> chain = stages.subList(i, j + 1);
            NativeSpawn nat = NativeSpawn.ready();
            if (nat != null && NativeChain.eligible(chain)) {
                chain.forEach(s -> executor.stageStarted(s, source, lineId));
                if (NativeChain.start(nat, chain)) {
                    i = j + 1;
                    continue;
                }
            } else {
                chain.forEach(s -> executor.stageStarted(s, source, lineId));
            }
            List<ProcessBuilder> builders = new ArrayList<>();
            for (int k = i; k <= j; k++) {
                builders.add(builder(stages.get(k), k == i, k == j));
            }
            try {
                List<Process> processes = builders.size() == 1 ? List.of(Launch.start(builders.getFirst()))
                        : Launch.startPipeline(builders);
                for (int k = 0; k < processes.size(); k++) {
                    chain.get(k).process = processes.get(k);
                }
            } catch (IOException e) {
                startOneByOne(chain, builders, e);
            }
            attachStreamPumps(chain, pumps);
            i = j + 1;
        }
    }

    /** When a chain fails to start, start its members one at a time so each failure is named. */
    private void startOneByOne(List<Stage> chain, List<ProcessBuilder> builders, IOException first) {
        for (int k = 0; k < chain.size(); k++) {
            Stage s = chain.get(k);
            try {
                if (chain.size() > 1) {
                    builders.get(k).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                    builders.get(k).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                }
                if (chain.size() == 1) {
                    throw first;
                }
                s.process = Launch.start(builders.get(k));
            } catch (IOException e) {
                int errno = errno(e.getMessage());
                // bash's words and statuses for a program the kernel would not run
                String reason = switch (errno) {
                    case 2 -> "cannot execute: required file not found";
                    case 8 -> "cannot execute binary file: Exec format error";
                    case 13 -> "Permission denied";
                    case 7 -> "Argument list too long";
                    default -> "cannot execute: " + (e.getMessage() == null ? "unknown error" : e.getMessage());
                };
                executor.reportFailure(s, s.argv.getFirst() + ": " + reason, errno == 2 ? 127 : 126);
            }
        }
    }

    /** The error number in the JDK's "error=2, ..." or "error: 2 (...)" launch failure message, or -1. */
    private static int errno(String message) {
        if (message == null) {
            return -1;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("error[=:] ?(\\d+)").matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private ProcessBuilder builder(Stage s, boolean first, boolean last) {
        ProcessBuilder pb = new ProcessBuilder(s.externalArgv);
        pb.directory(s.cwd.toFile());
        executor.fillEnvironment(pb, s);
        pb.redirectInput(first ? ProcessRedirects.forInput(s.io.in()) : ProcessBuilder.Redirect.PIPE);
        pb.redirectOutput(last ? ProcessRedirects.forOutput(s.io.out(), 1) : ProcessBuilder.Redirect.PIPE);
        if (s.io.err().equals(s.io.out())) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(ProcessRedirects.forOutput(s.io.err(), 2));
        }
        return pb;
    }

    /** External stdin/stdout/stderr bound to Java streams (not pipes) get a copying thread. */
    private static void attachStreamPumps(List<Stage> chain, List<Thread> pumps) {
        for (Stage s : chain) {
            if (s.process == null) {
                continue;
            }
            if (s.io.in() instanceof Endpoint.Stream st && st.in() != null) {
                pumps.add(pump(st.in(), s.process.getOutputStream(), true));
            }
            if (s.io.out() instanceof Endpoint.Stream st && st.out() != null) {
                pumps.add(pump(s.process.getInputStream(), st.out(), false));
            }
            if (!s.io.err().equals(s.io.out()) && s.io.err() instanceof Endpoint.Stream st && st.out() != null) {
                pumps.add(pump(s.process.getErrorStream(), st.out(), false));
            }
        }
    }

    /** Replaces the Pipe endpoints that are not OS pipes with Java streams. */
    private void connectInternals(List<Stage> stages, List<Thread> pumps) throws InterruptedException {
        for (int b = 0; b + 1 < stages.size(); b++) {
            Stage w = stages.get(b);
            Stage r = stages.get(b + 1);
            Endpoint pipe = new Endpoint.Pipe(b);
            if (osPipe(w, r) || !pipe.equals(r.io.in())) {
                continue;
            }
            if (w.external() && r.external()) {
                if (w.process != null && r.process != null) {
                    InputStream src = pipe.equals(w.io.out()) ? w.process.getInputStream() : w.process.getErrorStream();
                    pumps.add(pump(src, r.process.getOutputStream(), true));
                }
            } else if (w.external()) {
                InputStream src = w.process == null ? InputStream.nullInputStream()
                        : pipe.equals(w.io.out()) ? w.process.getInputStream() : w.process.getErrorStream();
                r.io = replace(r.io, pipe, new Endpoint.Stream(src, null, true));
            } else if (r.external()) {
                OutputStream sink = r.process == null ? OutputStream.nullOutputStream() : r.process.getOutputStream();
                w.io = replace(w.io, pipe, new Endpoint.Stream(null, sink, true));
            } else {
                try {
                    PipedInputStream in = new PipedInputStream(65536);
                    PipedOutputStream out = new PipedOutputStream(in);
                    w.io = replace(w.io, pipe, new Endpoint.Stream(null, out, true));
                    r.io = replace(r.io, pipe, new Endpoint.Stream(in, null, true));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void startInternals(List<Stage> stages, ShellState state, boolean inline, String source, long lineId) {
        for (Stage s : stages) {
            if (s.external()) {
                continue;
            }
            executor.stageStarted(s, source, lineId);
            if (inline) {
                s.status = executor.runInternal(s, state);
            } else {
                ShellState sub = state.copy();
                s.thread = Thread.ofPlatform().name("stage-" + s.index).start(() -> {
                    try {
                        s.status = executor.runInternal(s, sub);
                        s.exit = null;
                    } finally {
                        closeOwned(s.io);
                    }
                });
            }
        }
    }

    /**
     * Closes the pipe ends a stage owns once it is done, whatever it did with them, so the next
     * command sees end of file even when this one failed before writing (command not found,
     * a failed expansion).
     */
    private static void closeOwned(IoContext io) {
        for (Endpoint e : List.of(io.in(), io.out(), io.err())) {
            if (e instanceof Endpoint.Stream s && s.owned()) {
                try {
                    if (s.out() != null) {
                        s.out().close();
                    }
                    if (s.in() != null) {
                        s.in().close();
                    }
                } catch (IOException ignored) {
                    // already closed by the command
                }
            }
        }
    }

    private static int waitFor(Stage s) throws InterruptedException {
        if (s.nativeSpawned) {
            return NativeChain.waitFor(s);
        }
        if (s.process != null) {
            return s.process.waitFor();
        }
        if (s.thread != null) {
            s.thread.join();
        }
        return s.status;
    }

    private static Thread pump(InputStream in, OutputStream out, boolean closeOut) {
        return Thread.ofPlatform().daemon().name("pump").start(() -> {
            try (InputStream src = in) {
                byte[] buf = new byte[65536];
                int r;
                while ((r = src.read(buf)) >= 0) {
                    out.write(buf, 0, r);
                    if (!closeOut) {
                        out.flush();
                    }
                }
            } catch (IOException ignored) {
                // the reader went away (broken pipe): the writer simply stops, as with SIGPIPE
            } finally {
                try {
                    if (closeOut) {
                        out.close();
                    } else {
                        out.flush();
                    }
                } catch (IOException ignored) {
                    // nothing more can be delivered
                }
            }
        });
    }
}
