package org.oasm.substrate.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.oasm.substrate.CommandEvent;
import org.oasm.substrate.CommandOutcome;
import org.oasm.substrate.ExecutionListener;
import org.oasm.substrate.builtin.Builtins;
import org.oasm.substrate.expand.CommandSubstitution;
import org.oasm.substrate.expand.Expander;
import org.oasm.substrate.expand.ExpansionException;
import org.oasm.substrate.lex.SyntaxException;
import org.oasm.substrate.lex.Word;
import org.oasm.substrate.lex.WordPart;
import org.oasm.substrate.parse.Node;
import org.oasm.substrate.parse.Parser;

/**
 * Walks a parsed tree and runs it: lists and {@code &&}/{@code ||} read the exit status, pipelines
 * go to the {@link PipelineRunner}. It prepares each command (expansion, aliases, redirections,
 * lookup) and tells the {@link ExecutionListener} when each one starts and ends.
 */
public final class Executor {

    private final Builtins builtins;
    private final CommandResolver resolver;
    private final ExecutionListener listener;
    private final TerminalInfo terminal;
    private final ScriptRunner scripts;
    private final PipelineRunner pipelines = new PipelineRunner(this);
    private final AtomicLong ids;
    private volatile Node.Simple execOptimized;
    private volatile int stopStatus;

    public Executor(Builtins builtins, ExecutionListener listener, TerminalInfo terminal, ScriptRunner scripts,
            AtomicLong ids) {
        this.builtins = builtins;
        this.resolver = new CommandResolver(builtins);
        this.listener = listener;
        this.terminal = terminal;
        this.scripts = scripts;
        this.ids = ids;
    }

    /**
     * Makes every command not yet started end the shell with {@code status} instead of running:
     * what a shell told to terminate does once its foreground programs are stopped.
     */
    public void stop(int status) {
        stopStatus = status;
    }

    /** Runs a parsed node; {@code source} is the text it was parsed from. */
    public int execute(Node node, String source, ShellState state, IoContext io, long lineId) {
        int stop = stopStatus;
        if (stop != 0) {
            throw new ShellExit(stop);
        }
        int status = switch (node) {
            case Node.Sequence seq -> {
                int st = 0;
                for (Node item : seq.items()) {
                    st = execute(item, source, state, io, lineId);
                }
                yield st;
            }
            case Node.AndIf and -> {
                int left = execute(and.left(), source, state, io, lineId);
                yield left == 0 ? execute(and.right(), source, state, io, lineId) : left;
            }
            case Node.OrIf or -> {
                int left = execute(or.left(), source, state, io, lineId);
                yield left != 0 ? execute(or.right(), source, state, io, lineId) : left;
            }
            case Node.Pipeline p -> pipelines.run(p, source, state, io, lineId);
            case Node.Timed t -> timed(t, source, state, io, lineId);
            case Node.Simple s -> pipelines.run(new Node.Pipeline(List.of(s), false, s.start(), s.end()),
                    source, state, io, lineId);
        };
        state.setLastStatus(status);
        return status;
    }

    /**
     * {@code time PIPELINE}: runs it, then prints the elapsed, user and system time (of the cockpit
     * and the programs it waited for) to the shell's standard error, formatted by
     * {@code TIMEFORMAT} (see {@link TimeFormat}); the status is the pipeline's.
     */
    private int timed(Node.Timed t, String source, ShellState state, IoContext io, long lineId) {
        long started = System.nanoTime();
        CpuTimes before = CpuTimes.now();
        int status = 0;
        try {
            if (t.pipeline() != null) {
                status = pipelines.run(t.pipeline(), source, state, io, lineId);
            }
        } finally {
            CpuTimes used = CpuTimes.now().since(before);
            long real = (System.nanoTime() - started) / 1000;
            String format = t.posix() ? TimeFormat.POSIX : state.variable("TIMEFORMAT");
            if (format == null) {
                format = TimeFormat.DEFAULT;
            }
            if (!format.isEmpty()) {
                try {
                    printError(io.err(), TimeFormat.format(format, real, used.userMicros(), used.systemMicros()));
                } catch (TimeFormat.InvalidFormat e) {
                    printError(io.err(), state.errorPrefix() + "TIMEFORMAT: `" + e.character + "': invalid format character");
                }
            }
        }
        return t.negated() ? (status == 0 ? 1 : 0) : status;
    }

    /**
     * Marks the command that {@code bash -c} would replace itself with (the last simple command of
     * the string, without redirections): bash prints no signal message for it, so neither do we.
     */
    public void execOptimized(Node.Simple command) {
        this.execOptimized = command;
    }

    boolean isExecOptimized(Node.Simple command) {
        return command == execOptimized;
    }

    /** The last simple command of a tree, when it would be the last one to run, without redirections. */
    public static Node.Simple lastSimple(Node node) {
        Node.Simple s = switch (node) {
            case Node.Sequence seq -> seq.items().isEmpty() ? null : lastSimple(seq.items().getLast());
            case Node.AndIf and -> lastSimple(and.right());
            case Node.OrIf or -> lastSimple(or.right());
            case Node.Pipeline p -> p.stages().size() == 1 && !p.negated() ? p.stages().getFirst() : null;
            case Node.Timed t -> null;
            case Node.Simple simple -> simple;
        };
        return s != null && s.redirects().isEmpty() ? s : null;
    }

    TerminalInfo terminal() {
        return terminal;
    }

    /** Expansion, redirections and lookup of one command, before anything starts. */
    void prepare(Stage s, IoContext base, ShellState state, long lineId) {
        s.cwd = state.cwd();
        s.io = base;
        List<Assignment> assignments = s.node.assignments().stream().map(Assignment::of).toList();
        Expander ex = new Expander(state, substitution(state, base, s, lineId));
        Map<String, String> assigned = new LinkedHashMap<>();
        try {
            s.argv = ex.expandAll(s.node.words());
            if (!s.argv.isEmpty()) {
                Expander overlay = new Expander(new Overlay(state, assigned), substitution(state, base, s, lineId));
                for (Assignment a : assignments) {
                    assigned.put(a.name(), overlay.expandSingle(a.value()));
                }
            }
        } catch (ExpansionException e) {
            failExpansion(s, e);
            return;
        }
        try {
            s.io = Redirections.apply(s.node.redirects(), base, ex, state.cwd());
        } catch (Redirections.RedirectionException e) {
            fail(s, e.getMessage(), 1);
            return;
        } catch (ExpansionException e) {
            failExpansion(s, e);
            return;
        }
        if (s.argv.isEmpty()) {
            s.internal = (io, st) -> {
                Expander later = new Expander(st, substitution(st, base, s, lineId));
                try {
                    for (Assignment a : assignments) {
                        st.assign(a.name(), later.expandSingle(a.value()));
                    }
                } catch (ExpansionException e) {
                    return expansionFailed(e, io, st);
                }
                return s.substitutionStatus;
            };
            return;
        }
        s.extraEnv = assigned;
        String path = assigned.containsKey("PATH") ? assigned.get("PATH") : state.variable("PATH");
        switch (resolver.resolve(s.argv, state, path)) {
            case Resolved.BuiltinCommand b -> s.internal = (io, st) -> withTemporaryEnvironment(assigned, st,
                    () -> stoppedOr(runBuiltin(b, s, io, st)));
            case Resolved.External e -> {
                s.externalArgv = e.argv();
                s.program = e.program();
                s.programName = e.name();
                Map<String, String> env = state.environment();
                env.putAll(assigned);
                env.put("_", e.program().toString());
                s.environment = env;
            }
            case Resolved.OasmScript sc -> s.internal = (io, st) -> scripts.runFile(sc.file(), sc.name(), sc.args(), st.copy(), io);
            case Resolved.Failure f -> fail(s, f.message(), f.status());
        }
    }

    /**
     * {@code $(...)} for one command: the commands run in a copy of the state (a subshell) with
     * stdout captured; stdin and stderr are the shell's. Its status is kept for a command made only
     * of assignments ({@code X=$(false)} leaves $? at 1).
     */
    private CommandSubstitution substitution(ShellState state, IoContext base, Stage s, long lineId) {
        return source -> {
            Node node;
            try {
                node = Parser.parse(source);
            } catch (SyntaxException e) {
                throw new ExpansionException("command substitution: " + e.getMessage(), 2,
                        ExpansionException.Scope.LINE);
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            Endpoint in = base.in() instanceof Endpoint.Pipe ? new Endpoint.Null() : base.in();
            IoContext io = new IoContext(in, Endpoint.Stream.writing(buf), base.err());
            ShellState sub = state.copy();
            int status;
            try {
                status = execute(node, source, sub, io, lineId);
            } catch (ShellExit | ShellAbort e) {
                status = e instanceof ShellExit x ? x.status() : ((ShellAbort) e).status();
            }
            s.substitutionStatus = status;
            state.setLastStatus(status);
            return buf.toString(StandardCharsets.UTF_8);
        };
    }

    private void failExpansion(Stage s, ExpansionException e) {
        s.externalArgv = null;
        s.internal = (io, st) -> expansionFailed(e, io, st);
    }

    /**
     * Reports a word that could not be expanded and stops what bash stops: the command, the rest
     * of the input line (a bad substitution), or a non-interactive shell ({@code ${X:?}}: status
     * 127 for a {@code -c} string, 1 for a script or stdin, as bash has it); an interactive shell
     * only abandons the line.
     */
    private static int expansionFailed(ExpansionException e, IoContext io, ShellState st) {
        printError(io.err(), st.errorPrefix() + e.getMessage());
        return switch (e.scope()) {
            case COMMAND -> e.status();
            case LINE -> throw new ShellAbort(e.status());
            case SHELL -> {
                if (st.interactive()) {
                    throw new ShellAbort(1);
                }
                throw new ShellExit(st.commandString() ? e.status() : 1);
            }
        };
    }

    /** {@code NAME=value builtin}: the builtin sees the variables, exported, for its own run only. */
    private static int withTemporaryEnvironment(Map<String, String> assigned, ShellState st, Stage.Internal.Body body)
            throws Exception {
        if (assigned.isEmpty()) {
            return body.run();
        }
        Map<String, String> saved = new LinkedHashMap<>();
        Map<String, Boolean> savedExport = new LinkedHashMap<>();
        assigned.forEach((k, v) -> {
            saved.put(k, st.variable(k));
            savedExport.put(k, st.isExported(k));
            st.assign(k, v);
            st.export(k);
        });
        try {
            return body.run();
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    st.unset(k);
                } else {
                    st.assign(k, v);
                    if (!savedExport.get(k)) {
                        st.unexport(k);
                    }
                }
            });
        }
    }

    private void fail(Stage s, String message, int status) {
        s.externalArgv = null;
        s.internal = (io, st) -> {
            printError(io.err(), st.errorPrefix() + message);
            return status;
        };
    }

    /** Turns a stage that could not start into one that reports why. */
    void reportFailure(Stage s, String message, int status) {
        fail(s, message, status);
    }

    void fillEnvironment(ProcessBuilder pb, Stage s) {
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(s.environment);
    }

    void stageStarted(Stage s, String source, long lineId) {
        s.startNanos = System.nanoTime();
        s.event = new CommandEvent(ids.incrementAndGet(), lineId, CommandEvent.Level.STAGE,
                s.node.text(source), s.cwd, Instant.now());
        listener.started(s.event);
    }

    void stageFinished(Stage s) {
        long pid = s.nativeSpawned ? s.pid : s.process == null ? -1 : s.process.pid();
        listener.finished(s.event, new CommandOutcome(s.status, System.nanoTime() - s.startNanos, pid,
                s.cpuMicros < 0 ? -1 : s.cpuMicros / 1000, s.peakRssKb));
    }

    int runInternal(Stage s, ShellState state) {
        try {
            return s.internal.run(s.io, state);
        } catch (ShellExit e) {
            s.exit = e;
            return e.status();
        } catch (ShellAbort e) {
            s.exit = e;
            return e.status();
        } catch (Exception e) {
            printError(s.io.err(), state.errorPrefix() + s.argv.getFirst() + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * A builtin that was running when the shell was told to stop ({@link #stop}) ends with the stop's
     * status, as a program the signal reached would: whatever it returned on its way out (the
     * error of its interrupted read, say) is not why it ended.
     */
    private int stoppedOr(int status) {
        int stop = stopStatus;
        return stop != 0 ? stop : status;
    }

    private int runBuiltin(Resolved.BuiltinCommand b, Stage s, IoContext io, ShellState state) throws IOException {
        OutputStream rawOut = ProcessRedirects.openOutput(io.out());
        PrintStream out = ProcessRedirects.print(rawOut);
        PrintStream err = io.err().equals(io.out()) ? out : ProcessRedirects.print(ProcessRedirects.openOutput(io.err()));
        var in = ProcessRedirects.openInput(io.in());
        CommandIO cio = new CommandIO(in, out, err, terminal.isTerminal(io.out()), terminal.isTerminal(io.err()));
        BuiltinInvocation ctx = new BuiltinInvocation(state, builtins, io, scripts, terminal);
        try {
            return b.builtin().run(b.name(), List.copyOf(s.argv.subList(1, s.argv.size())), cio, ctx);
        } catch (IOException e) {
            if (isBrokenPipe(e)) {
                return 141;
            }
            err.println(state.errorPrefix() + b.name() + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
            out.close();
            if (err != out) {
                err.close();
            }
            if (!(io.in() instanceof Endpoint.Inherit)) {
                in.close();
            }
        }
    }

    private static boolean isBrokenPipe(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("Broken pipe") || m.contains("Pipe closed") || m.contains("Read end dead")
                || m.contains("Stream closed"));
    }

    /** Writes one line of error text to an endpoint (used before any command could start). */
    static void printError(Endpoint err, String message) {
        try (PrintStream ps = ProcessRedirects.print(ProcessRedirects.openOutput(err))) {
            ps.println(message);
        } catch (IOException e) {
            System.err.println(message);
        }
    }

    /** A {@code NAME=value} word split into its name and the word of its value. */
    record Assignment(String name, Word value) {
        static Assignment of(Word w) {
            WordPart.Literal first = (WordPart.Literal) w.parts().getFirst();
            int eq = first.text().indexOf('=');
            List<WordPart> parts = new ArrayList<>();
            String rest = first.text().substring(eq + 1);
            if (!rest.isEmpty()) {
                parts.add(new WordPart.Literal(rest, false));
            }
            parts.addAll(w.parts().subList(1, w.parts().size()));
            if (parts.isEmpty()) {
                parts.add(new WordPart.Literal("", true));
            }
            return new Assignment(first.text().substring(0, eq), new Word(parts, w.start(), w.end()));
        }
    }

    /** Used by {@code source} and by {@code .oasm} files in pipelines. */
    public interface ScriptRunner {
        /** Runs a session file in {@code state} (a copy) as {@code $0} (its name as typed) with these positional args. */
        int runFile(Path file, String name, List<String> args, ShellState state, IoContext io);

        /** Runs a file's commands in the caller's own state ({@code source}). */
        int runSourced(Path file, ShellState state, IoContext io);

        /** The line history. */
        List<String> history();
    }
}
