package org.oasm.cockpit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.oasm.cockpit.command.CommandCatalog;
import org.oasm.cockpit.command.Commands;
import org.oasm.cockpit.command.OasmBuiltin;
import org.oasm.cockpit.profile.ProfileLoader;
import org.oasm.cockpit.profile.ShellProfile;
import org.oasm.cockpit.provenance.ConfigHash;
import org.oasm.cockpit.provenance.Recorder;
import org.oasm.formats.provenance.Actor;
import org.oasm.cockpit.repl.JLineTerminalInfo;
import org.oasm.cockpit.repl.Repl;
import org.oasm.formats.root.OasmRoot;
import org.oasm.substrate.ExecutionListener;
import org.oasm.substrate.Shell;
import org.oasm.substrate.builtin.Builtins;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.ShellExit;
import org.oasm.substrate.exec.ShellState;
import org.oasm.substrate.exec.TerminalInfo;
import org.oasm.substrate.lex.Quoting;
import org.oasm.substrate.lex.SyntaxException;
import org.oasm.substrate.parse.Parser;

/**
 * A running cockpit: resolves the OASM root, reads the profile, builds the shell with its builtins
 * and the {@code oasm} command, then runs in the mode the launch options ask for.
 */
public final class Cockpit {

    private final LaunchOptions options;
    private final OasmRoot root;
    private final ShellProfile profile;
    private final CommandCatalog catalog;
    private final Shell shell;
    private final Recorder recorder;

    public Cockpit(LaunchOptions options, OasmRoot root, TerminalInfo terminal) {
        this.options = options;
        this.root = root;
        ProfileLoader.Loaded loaded = ProfileLoader.load(root);
        loaded.problem().ifPresent(p -> System.err.println("oasm: " + p));
        this.profile = loaded.profile();
        ShellState state = new ShellState(Path.of("").toAbsolutePath(), System.getenv());
        profile.environment().forEach((k, v) -> {
            state.assign(k, v);
            state.export(k);
        });
        state.aliases().putAll(profile.aliases());
        state.assign("OASM_ROOT", root.dir().toString());
        state.export("OASM_ROOT");
        boolean record = profile.provenanceEnabled() && !options.noProvenance();
        this.recorder = record ? new Recorder(root, Actor.fromEnvironment(System.getenv()), profile.provenanceCbor(),
                ConfigHash.of(profile), options.mode().name().toLowerCase()) : null;
        CockpitServices services = new CockpitServices(root, profile, options.debug(), recorder);
        if (options.mode() == LaunchOptions.Mode.SUBCOMMAND && "analyze".equals(options.command())) {
            int m = options.args().indexOf("--module"); // GraalPy starts while the rest of the cockpit does
            services.bridge().startInBackground(m >= 0 && m + 1 < options.args().size() ? options.args().get(m + 1) : "");
        }
        this.catalog = Commands.catalog();
        Builtins builtins = Builtins.standard();
        builtins.register("oasm", new OasmBuiltin(catalog, services));
        ExecutionListener listener = recorder == null ? ExecutionListener.NONE : recorder.listener();
        this.shell = new Shell(state, builtins, listener, terminal);
    }

    /** Ends recording: the session's last record, everything buffered flushed. */
    void finish(int status) {
        if (recorder != null) {
            recorder.close(status);
        }
    }

    /** Runs the cockpit as the options say and returns its exit status. */
    /**
     * Outside the REPL, which descriptors are terminals as the launcher found them
     * ({@code -Doasm.stdin.tty}, {@code -Doasm.stdout.tty}, {@code -Doasm.stderr.tty}), so that
     * {@code ./oasm convert F --to cbor} on a terminal is refused as it is inside the cockpit.
     */
    static final TerminalInfo LAUNCHER_TERMINAL = new TerminalInfo() {
        @Override
        public boolean isTerminal(int fd) {
            return switch (fd) {
                case 0 -> Boolean.getBoolean("oasm.stdin.tty");
                case 1 -> Boolean.getBoolean("oasm.stdout.tty");
                case 2 -> Boolean.getBoolean("oasm.stderr.tty");
                default -> false;
            };
        }
    };

    public static int start(LaunchOptions options) throws IOException {
        OasmRoot root = resolveRoot(options).create();
        if (options.mode() == LaunchOptions.Mode.TRAIN) {
            return AotTraining.run(root);
        }
        boolean interactive = options.mode() == LaunchOptions.Mode.INTERACTIVE && stdinIsTerminal();
        if (interactive) {
            try (Terminal terminal = TerminalBuilder.builder().system(true).name("oasm").build()) {
                JLineTerminalInfo info = new JLineTerminalInfo(terminal);
                Cockpit c = new Cockpit(options, root, info);
                c.shell.state().setInteractive(true);
                Repl repl = new Repl(terminal, c.shell, c.catalog, c.profile, root.history().resolve("line_history"),
                        root.dir().getFileName() == null ? "/" : root.dir().getFileName().toString(), info);
                int status = repl.run();
                c.finish(status);
                return status;
            }
        }
        Cockpit c = new Cockpit(options, root, LAUNCHER_TERMINAL);
        int status = c.runBatch();
        c.finish(status);
        return status;
    }

    int runBatch() throws IOException {
        IoContext io = IoContext.inherited();
        try {
            return switch (options.mode()) {
                case COMMAND_STRING -> {
                    shell.state().setArguments("oasm", options.args());
                    yield shell.run(options.command(), "-c", io);
                }
                case SESSION_FILE -> shell.runFile(options.file(), options.args(), shell.state(), io);
                case SUBCOMMAND -> shell.run(subcommandLine(options.command(), options.args()), "-c", io);
                case INTERACTIVE, TRAIN -> readStdin(io);
            };
        } catch (ShellExit e) {
            return e.status();
        }
    }

    /** {@code ./oasm store list} is {@code oasm store list} typed inside: quoted, so words stay words. */
    static String subcommandLine(String command, List<String> args) {
        List<String> words = new java.util.ArrayList<>();
        words.add(command);
        words.addAll(args);
        return "oasm " + Quoting.join(words);
    }

    /** Commands from a non-terminal stdin, one complete command at a time, as bash reads them. */
    private int readStdin(IoContext io) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder chunk = new StringBuilder();
        int firstLine = 0;
        int lineNo = 0;
        int status = 0;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            chunk.append(line).append('\n');
            try {
                Parser.parse(chunk.toString());
            } catch (SyntaxException e) {
                if (e.incomplete()) {
                    continue;
                }
            }
            status = shell.run(chunk.toString(), "stdin", io, firstLine);
            if (status == 2 && shell.state().lastStatus() == 2 && isSyntaxError(chunk.toString())) {
                return 2;
            }
            chunk.setLength(0);
            firstLine = lineNo;
        }
        if (!chunk.isEmpty()) {
            status = shell.run(chunk.toString(), "stdin", io, firstLine);
        }
        return status;
    }

    private static boolean isSyntaxError(String text) {
        try {
            Parser.parse(text);
            return false;
        } catch (SyntaxException e) {
            return true;
        }
    }

    static boolean stdinIsTerminal() {
        String p = System.getProperty("oasm.stdin.tty");
        if (p != null) {
            return Boolean.parseBoolean(p);
        }
        var console = System.console();
        return console != null && console.isTerminal();
    }

    /** --root, then OASM_ROOT, then the folder the launcher lives in, then the working directory. */
    static OasmRoot resolveRoot(LaunchOptions options) {
        if (options.root() != null) {
            return new OasmRoot(options.root());
        }
        String env = System.getenv("OASM_ROOT");
        if (env != null && !env.isBlank()) {
            return new OasmRoot(Path.of(env));
        }
        String launcher = System.getProperty("oasm.launcher");
        if (launcher != null) {
            return new OasmRoot(Path.of(launcher).toAbsolutePath().getParent());
        }
        return new OasmRoot(Path.of("").toAbsolutePath());
    }

    public Shell shell() {
        return shell;
    }

    public CommandCatalog catalog() {
        return catalog;
    }

    public ShellProfile profile() {
        return profile;
    }

    static Map<String, String> environmentOf(Shell shell) {
        return shell.state().environment();
    }
}
