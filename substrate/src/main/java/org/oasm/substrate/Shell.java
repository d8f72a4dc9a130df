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
import org.oasm.substrate.exec.ShellAbort;
import org.oasm.substrate.exec.ShellExit;
import org.oasm.substrate.exec.ShellState;
import org.oasm.substrate.exec.TerminalInfo;
import org.oasm.substrate.lex.SyntaxException;
import org.oasm.substrate.parse.AliasExpansion;
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
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

    public Shell(ShellState state, Builtins builtins, ExecutionListener listener, TerminalInfo terminal) {
        this.state = state;
        this.builtins = builtins;
        this.listener = listener;
        this.executor = new Executor(builtins, listener, terminal, this, ids);
    }

    public ShellState state() {
        return state;
    }

    /**
     * Ends the shell as a signal would: no further command starts, and the one running ends the
     * shell with {@code status} as soon as it returns. Stopping the programs in the foreground is
     * the caller's part (it knows the processes it started).
     */
    public void terminate(int status) {
        executor.stop(status);
    }

    /** True while a line runs (between the listener's start and end of it). */
    public boolean busy() {
        return running.get() > 0;
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
        if (origin == null || origin.equals("-c") || origin.equals("stdin")) {
            st.setCommandString("-c".equals(origin));
        }
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
            String text = chunk.toString();
            if (origin == null) {
                text = AliasExpansion.expand(text, st.aliases());
            }
            Node node;
            try {
                node = last ? Parser.parse(text) : Parser.parsePartial(text);
            } catch (SyntaxException e) {
                if (e.incomplete() && !last) {
                    continue;
                }
                reportSyntax(e, origin, text, chunkLine, lineOffset + i + 1, io);
                st.setLastStatus(2);
                return 2;
            }
            String original = chunk.toString();
            chunk.setLength(0);
            if (node instanceof Node.Sequence seq && seq.items().isEmpty()) {
                continue;
            }
            st.setLineNumber(chunkLine);
            executor.execOptimized("-c".equals(origin) && isLastCommand(lines, i) ? Executor.lastSimple(node) : null);
            status = runLine(node, text, original, st, io);
        }
        return status;
    }

    /** True when only blank lines follow line {@code i}. */
    private static boolean isLastCommand(String[] lines, int i) {
        for (int k = i + 1; k < lines.length; k++) {
            if (!lines[k].isBlank()) {
                return false;
            }
        }
        return true;
    }

    private int runLine(Node node, String text, String original, ShellState st, IoContext io) {
        long id = ids.incrementAndGet();
        CommandEvent event = new CommandEvent(id, 0, CommandEvent.Level.LINE, original.strip(), st.cwd(), Instant.now());
        long t0 = System.nanoTime();
        running.incrementAndGet();
        listener.started(event);
        int status = 1;
        try {
            status = executor.execute(node, text, st, io, id);
            return status;
        } catch (ShellExit e) {
            status = e.status();
            throw e;
        } catch (ShellAbort e) {
            status = e.status();
            st.setLastStatus(status);
            return status;
        } finally {
            listener.finished(event, CommandOutcome.of(status, System.nanoTime() - t0));
            running.decrementAndGet();
        }
    }

    /**
     * Prints a syntax error as bash does: where (the origin and line) and what, then, for a
     * script or {@code -c} string, the line as it was written. An error that is only the end of
     * input coming too soon is reported at the line after the last one.
     */
    private static void reportSyntax(SyntaxException e, String origin, String text, int chunkLine, int lastLine,
            IoContext io) {
        int at = Math.min(Math.max(e.position(), 0), text.length());
        int errorLine = chunkLine + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        boolean eof = e.incomplete() && (e.getMessage().startsWith("syntax error") || e.getMessage().endsWith("`)'"));
        int line = eof ? lastLine + 1 : errorLine;
        String prefix = origin == null ? "oasm: "
                : origin.equals("-c") ? "oasm: -c: line " + line + ": "
                : origin.equals("stdin") ? "oasm: line " + line + ": "
                : origin + ": line " + line + ": ";
        StringBuilder msg = new StringBuilder(prefix).append(e.getMessage());
        if (origin != null && !e.incomplete()) {
            String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            String[] ls = body.split("\n", -1);
            int idx = Math.min(errorLine - chunkLine, ls.length - 1);
            msg.append('\n').append(prefix).append('`').append(ls[idx]).append('\'');
        }
        org.oasm.substrate.exec.Errors.print(io.err(), msg.toString());
    }

    /** Runs a session file in the given state (the caller's copy), as {@code $0} (its name as typed) with {@code args}. */
    @Override
    public int runFile(Path file, String name, List<String> args, ShellState st, IoContext io) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
                    : e instanceof java.nio.file.AccessDeniedException ? "Permission denied"
                    : Files.isDirectory(file) ? "Is a directory" : "cannot read: " + e.getMessage();
            org.oasm.substrate.exec.Errors.print(io.err(), "oasm: " + name + ": " + why);
            return Files.isDirectory(file) ? 126 : 127;
        }
        st.setArguments(name, args);
        st.setErrorPrefix(name + ": ");
        st.setCommandString(false);
        try {
            return run(text, name, st, io);
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
