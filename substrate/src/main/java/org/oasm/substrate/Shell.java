package org.oasm.substrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.oasm.substrate.builtin.Builtins;
import org.oasm.substrate.exec.Executor;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.ShellExit;
import org.oasm.substrate.exec.ShellState;
import org.oasm.substrate.exec.TerminalInfo;
import org.oasm.substrate.lex.SyntaxException;
import org.oasm.substrate.parse.Node;
import org.oasm.substrate.parse.Parser;

/**
 * The shell: runs source text (an interactive line, a {@code -c} string, a session file) command
 * by command, as bash reads its input, and reports each line to the {@link ExecutionListener}.
 * An {@code exit} surfaces as a {@link ShellExit} for the caller to act on.
 */
public final class Shell implements Executor.ScriptRunner {

    private final ShellState state;
    private final Builtins builtins;
    private final ExecutionListener listener;
    private final Executor executor;
    private final AtomicLong ids = new AtomicLong();
    private final List<String> history = new ArrayList<>();

    public Shell(ShellState state, Builtins builtins, ExecutionListener listener, TerminalInfo terminal) {
        this.state = state;
        this.builtins = builtins;
        this.listener = listener;
        this.executor = new Executor(builtins, listener, terminal, this, ids);
    }

    public ShellState state() {
        return state;
    }

    public Builtins builtins() {
        return builtins;
    }

    @Override
    public List<String> history() {
        return history;
    }

    /** Adds an interactive line to the history that {@code history} prints. */
    public void addHistory(String line) {
        history.add(line);
    }

    /**
     * Runs source text in the shell's own state. {@code origin} names it in error messages:
     * {@code null} for an interactive line, {@code "-c"} for a command string, else a file name.
     * Returns the status of the last command; a syntax error stops it with status 2.
     */
    public int run(String source, String origin, IoContext io) {
        return run(source, origin, state, io, 0);
    }

    /** Like {@link #run(String, String, IoContext)} for text that starts at line {@code firstLine + 1} of its input. */
    public int run(String source, String origin, IoContext io, int firstLine) {
        return run(source, origin, state, io, firstLine);
    }

    private int run(String source, String origin, ShellState st, IoContext io) {
        return run(source, origin, st, io, 0);
    }

    private int run(String source, String origin, ShellState st, IoContext io, int lineOffset) {
        st.setInteractive(origin == null);
        String[] lines = source.split("\n", -1);
        int status = st.lastStatus();
        StringBuilder chunk = new StringBuilder();
        int chunkLine = 1;
        for (int i = 0; i < lines.length; i++) {
            if (chunk.isEmpty()) {
                chunkLine = lineOffset + i + 1;
            }
            chunk.append(lines[i]);
            boolean last = i == lines.length - 1;
            if (!last) {
                chunk.append('\n');
            }
            Node node;
            try {
                node = Parser.parse(chunk.toString());
            } catch (SyntaxException e) {
                if (e.incomplete() && !last) {
                    continue;
                }
                int line = e.incomplete() && e.getMessage().startsWith("syntax error") ? lineOffset + i + 2 : chunkLine;
                reportSyntax(e, origin, chunk.toString(), line, io, st);
                st.setLastStatus(2);
                return 2;
            }
            String text = chunk.toString();
            chunk.setLength(0);
            if (node instanceof Node.Sequence seq && seq.items().isEmpty()) {
                continue;
            }
            st.setLineNumber(chunkLine);
            status = runLine(node, text, st, io);
        }
        return status;
    }

    private int runLine(Node node, String text, ShellState st, IoContext io) {
        long id = ids.incrementAndGet();
        CommandEvent event = new CommandEvent(id, 0, CommandEvent.Level.LINE, text.strip(), st.cwd(), Instant.now());
        long t0 = System.nanoTime();
        listener.started(event);
        int status = 1;
        try {
            status = executor.execute(node, text, st, io, id);
            return status;
        } catch (ShellExit e) {
            status = e.status();
            throw e;
        } finally {
            listener.finished(event, CommandOutcome.of(status, System.nanoTime() - t0));
        }
    }

    private static void reportSyntax(SyntaxException e, String origin, String text, int line, IoContext io,
            ShellState st) {
        String prefix = origin == null ? "oasm: "
                : origin.equals("-c") ? "oasm: -c: line " + line + ": "
                : origin.equals("stdin") ? "oasm: line " + line + ": "
                : origin + ": line " + line + ": ";
        StringBuilder msg = new StringBuilder(prefix).append(e.getMessage());
        if (origin != null && !e.incomplete()) {
            String offending = text.strip();
            int nl = offending.lastIndexOf('\n');
            msg.append('\n').append(prefix).append('`').append(nl >= 0 ? offending.substring(nl + 1) : offending)
                    .append('\'');
        }
        org.oasm.substrate.exec.Errors.print(io.err(), msg.toString());
    }

    /** Runs a session file in a copy of the state, as {@code $0} with {@code args}. */
    @Override
    public int runFile(Path file, List<String> args, ShellState st, IoContext io) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            org.oasm.substrate.exec.Errors.print(io.err(), "oasm: " + file + ": cannot read: " + e.getMessage());
            return 127;
        }
        st.setArguments(file.toString(), args);
        st.setErrorPrefix(file + ": ");
        try {
            return run(text, file.toString(), st, io);
        } catch (ShellExit e) {
            return e.status();
        }
    }

    /** Runs a file in the caller's state ({@code source}). */
    @Override
    public int runSourced(Path file, ShellState st, IoContext io) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            org.oasm.substrate.exec.Errors.print(io.err(), st.errorPrefix() + file + ": " + e.getMessage());
            return 1;
        }
        String savedPrefix = st.errorPrefix();
        int savedLine = st.lineNumber();
        boolean savedInteractive = st.interactive();
        try {
            st.setErrorPrefix(file + ": ");
            return run(text, file.toString(), st, io);
        } finally {
            st.setLineNumber(savedLine);
            st.setInteractive(savedInteractive);
            st.setErrorPrefix(savedPrefix.replaceFirst("line \\d+: $", ""));
        }
    }
}
