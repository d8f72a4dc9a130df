package org.oasm.cockpit.repl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.oasm.cockpit.command.CommandCatalog;
import org.oasm.cockpit.profile.ShellProfile;
import org.oasm.substrate.Shell;
import org.oasm.substrate.exec.CommandResolver;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.ShellExit;

/**
 * The interactive cockpit: a JLine line reader over the shell. It keeps the line history in the
 * OASM root, completes and highlights what is typed, asks for continuation lines when a line is
 * unfinished, and survives Ctrl-C (which clears the line or stops the foreground program). Ctrl-D
 * leaves with the last status.
 */
public final class Repl {

    private final Terminal terminal;
    private final Shell shell;
    private final LineReader reader;
    private final PromptRenderer prompt;
    private final JLineTerminalInfo terminalInfo;

    public Repl(Terminal terminal, Shell shell, CommandCatalog catalog, ShellProfile profile, Path historyFile,
            String rootName, JLineTerminalInfo terminalInfo) {
        this.terminal = terminal;
        this.shell = shell;
        this.terminalInfo = terminalInfo;
        this.prompt = new PromptRenderer(profile.prompt(), rootName);
        try {
            Files.createDirectories(historyFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + historyFile.getParent() + ": " + e.getMessage(), e);
        }
        History history = new DefaultHistory();
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("oasm")
                .parser(new ShellLineParser())
                .highlighter(new ShellHighlighter(this::commandExists))
                .completer(new ShellCompleter(shell, catalog))
                .history(history)
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, profile.historySize())
                .variable(LineReader.HISTORY_FILE_SIZE, profile.historySize())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "> ")
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .build();
        history.attach(reader);
        for (History.Entry e : history) {
            shell.addHistory(e.line());
        }
    }

    private boolean commandExists(String name) {
        return shell.builtins().contains(name) || shell.state().aliases().containsKey(name)
                || (name.contains("/") ? Files.exists(shell.state().cwd().resolve(name))
                        : CommandResolver.searchPath(name, shell.state()).isPresent());
    }

    /** Reads and runs lines until Ctrl-D or {@code exit}; returns the cockpit's exit status. */
    public int run() {
        return run(IoContext.inherited());
    }

    /** Like {@link #run()}, with commands writing to {@code io} instead of the cockpit's own descriptors. */
    public int run(IoContext io) {
        terminal.handle(Terminal.Signal.INT, sig -> terminalInfo.interruptForeground());
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt.render(shell.state()));
            } catch (UserInterruptException e) {
                shell.state().setLastStatus(130);
                continue;
            } catch (EndOfFileException e) {
                saveHistory();
                return shell.state().lastStatus();
            }
            if (line.isBlank()) {
                continue;
            }
            shell.addHistory(line);
            terminal.flush();
            terminalInfo.commandThread(Thread.currentThread());
            try {
                shell.run(line, null, io);
            } catch (ShellExit e) {
                saveHistory();
                return e.status();
            } finally {
                terminalInfo.commandThread(null);
                Thread.interrupted();
            }
            if (shell.state().lastStatus() == 130) {
                terminalInfo.settleInterrupt();
                terminal.writer().println();   // past the ^C the terminal echoed, as bash does
                terminal.flush();
            }
        }
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("oasm: cannot save history: " + e.getMessage());
        }
    }
}
