package org.oasm.cockpit;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.oasm.cockpit.command.CommandCatalog;
import org.oasm.cockpit.command.Commands;
import org.oasm.cockpit.command.OasmBuiltin;
import org.oasm.cockpit.profile.ProfileLoader;
import org.oasm.cockpit.profile.ShellProfile;
import org.oasm.cockpit.provenance.ConfigHash;
import org.oasm.cockpit.provenance.PendingRecorder;
import org.oasm.cockpit.provenance.Recorder;
import org.oasm.formats.provenance.Actor;
import org.oasm.cockpit.repl.JLineTerminalInfo;
import org.oasm.cockpit.repl.Repl;
import org.oasm.cockpit.resident.ResidentServer;
import org.oasm.cockpit.resident.RunDir;
import org.oasm.formats.root.OasmException;
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
    private final PendingRecorder recorder;

    public Cockpit(LaunchOptions options, OasmRoot root, TerminalInfo terminal) {
        this(options, root, terminal, Path.of("").toAbsolutePath(), System.getenv(), System.err, "");
    }

    /**
     * A cockpit for a launch in {@code cwd} with the environment {@code env}, which need not be
     * this process's own: the resident cockpit makes one per invocation it serves, in the
     * client's folder and environment. A problem with the profile goes to {@code problems};
     * {@code how} is added to the session's first record (empty, or " resident").
     */
    public Cockpit(LaunchOptions options, OasmRoot root, TerminalInfo terminal, Path cwd, Map<String, String> env,
            java.io.PrintStream problems, String how) {
        this.options = options;
        this.root = root;
        // the execution log opens on its own thread while the profile is read
        CompletableFuture<Recorder.Session> session = options.noProvenance() ? null
                : Recorder.beginSession(root, Actor.fromEnvironment(env), options.mode().name().toLowerCase() + how,
                        options.logStdout(), cwd);
        ProfileLoader.Loaded loaded = ProfileLoader.load(root);
        loaded.problem().ifPresent(p -> problems.println("oasm: " + p));
        this.profile = loaded.profile();
        ShellState state = ShellState.startup(cwd, env);
        profile.environment().forEach((k, v) -> {
            state.assign(k, v);
            state.export(k);
        });
        state.assign("OASM_ROOT", root.dir().toString());
        state.export("OASM_ROOT");
        if (session != null && profile.provenanceEnabled()) {
            ShellProfile p = profile;
            this.recorder = new PendingRecorder(session, root, p.provenanceCbor(), () -> ConfigHash.of(p));
        } else {
            this.recorder = null;
            if (session != null) {
                Recorder.await(session).discard();
            }
        }
        PendingRecorder pending = recorder;
        CockpitServices services = new CockpitServices(root, profile, options.debug(),
                () -> pending == null ? null : pending.get());
        if (options.mode() == LaunchOptions.Mode.SUBCOMMAND && "analyze".equals(options.command())) {
            int m = options.args().indexOf("--module"); // GraalPy starts while the rest of the cockpit does
            services.bridge().startInBackground(m >= 0 && m + 1 < options.args().size() ? options.args().get(m + 1) : "");
        }
        this.catalog = Commands.catalog();
        Builtins builtins = Builtins.standard();
        builtins.register("oasm", new OasmBuiltin(catalog, services));
        ExecutionListener listener = recorder == null ? ExecutionListener.NONE : recorder.listener();

        this.shell = new Shell(state, builtins, listener, terminal);
        if (options.mode() == LaunchOptions.Mode.SUBCOMMAND
                || (options.mode() == LaunchOptions.Mode.COMMAND_STRING && options.command().contains("oasm"))) {
            warmForOasm();
        }
    }

    /**
     * An {@code oasm} command is coming: Spring Shell's command registry and the provenance writer
     * are made on a background thread meanwhile, instead of one after the other when it runs.
     */
    private void warmForOasm() {
        PendingRecorder pending = recorder;
        Thread.ofPlatform().daemon().name("oasm-command-warm-up").start(() -> {
            catalog.registry();
            if (pending != null) {
                pending.get().prepareProvenance();
            }
        });
    }

    /**
     * Makes this the interactive cockpit: the profile's aliases apply, as bash's from
     * {@code .bashrc} do for an interactive shell but not for {@code -c}, files or stdin.
     */
    public void interactive() {
        shell.state().setInteractive(true);
        shell.state().aliases().putAll(profile.aliases());
    }

    /** Ends recording: the session's last record, everything buffered flushed. Safe to call twice. */
    public void finish(int status) {
        if (recorder != null) {
            recorder.get().close(status);
        }
    }

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

    /** Runs the cockpit as the options say and returns its exit status. */
    public static int start(LaunchOptions options) throws IOException {
        OasmRoot root = usableRoot(resolveRoot(options), !options.noProvenance());
        if (options.mode() == LaunchOptions.Mode.TRAIN) {
            return AotTraining.run(root);
        }
        if (options.mode() == LaunchOptions.Mode.RESIDENT) {
            return serveResident();
        }
        boolean interactive = options.mode() == LaunchOptions.Mode.INTERACTIVE && stdinIsTerminal();
        if (interactive) {
            quietJLine(options.debug());
            try (Terminal terminal = systemTerminal()) {
                JLineTerminalInfo info = new JLineTerminalInfo(terminal);
                Cockpit c = new Cockpit(options, root, info);
                c.interactive();
                Termination termination = Termination.install(c.shell, c::finish, Thread.currentThread());
                Repl repl = new Repl(terminal, c.shell, c.catalog, c.profile, root.history().resolve("line_history"),
                        root.dir().getFileName() == null ? "/" : root.dir().getFileName().toString(), info);
                int status = termination.status(repl.run());
                c.finish(status);
                termination.finished();
                return status;
            }
        }
        Cockpit c = new Cockpit(options, root, LAUNCHER_TERMINAL);
        Termination termination = Termination.install(c.shell, c::finish, Thread.currentThread());
        int status = termination.status(c.runBatch(IoContext.inherited()));
        c.finish(status);
        termination.finished();
        return status;
    }

    /** Runs a {@code -c} line, a session file, a subcommand or stdin's commands with {@code io}. */
    public int runBatch(IoContext io) throws IOException {
        try {
            return switch (options.mode()) {
                case COMMAND_STRING -> {
                    shell.state().setArguments("oasm", options.args());
                    yield shell.run(options.command(), "-c", io);
                }
                case SESSION_FILE -> runScript(options.file(), options.args(), io);
                case SUBCOMMAND -> isScriptNotCommand(options.command())
                        ? runScript(Path.of(options.command()), options.args(), io)
                        : shell.run(subcommandLine(options.command(), options.args()), "-c", io);
                case INTERACTIVE, TRAIN, RESIDENT -> readStdin(io);
            };
        } catch (ShellExit e) {
            return e.status();
        }
    }

    /**
     * {@code ./oasm --serve-resident}, as {@code oasm resident start} starts it: the resident
     * cockpit of the launcher's run folder, ending after {@code OASM_RESIDENT_IDLE_MINUTES}
     * (180 by default) without a request.
     */
    private static int serveResident() throws IOException {
        String launcher = System.getProperty("oasm.launcher");
        if (launcher == null) {
            throw new OasmException("--serve-resident: start the resident cockpit through ./oasm (oasm resident start)",
                    OasmException.FAILED);
        }
        long minutes;
        try {
            minutes = Long.parseLong(System.getenv().getOrDefault("OASM_RESIDENT_IDLE_MINUTES", "180").strip());
        } catch (NumberFormatException e) {
            throw new OasmException("OASM_RESIDENT_IDLE_MINUTES is not a number of minutes", OasmException.FAILED);
        }
        try {
            return ResidentServer.serve(RunDir.of(Path.of(launcher), System.getenv()),
                    java.time.Duration.ofMinutes(Math.max(1, minutes)), TemplatesTraining::warmUp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * {@code ./oasm FILE [ARG...]}: a {@code .sh} file runs through bash and a {@code .ps1} file
     * through pwsh (a line of the session, so it is recorded like one); anything else is a session
     * file the cockpit runs itself, as bash runs any file it is given.
     */
    private int runScript(Path file, List<String> args, IoContext io) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".sh") || name.endsWith(".ps1")) {
            if (!Files.exists(file)) {
                System.err.println("oasm: " + file + ": No such file or directory");
                return 127;
            }
            List<String> words = new java.util.ArrayList<>();
            if (name.endsWith(".sh")) {
                words.add("bash");
            } else {
                if (org.oasm.substrate.exec.CommandResolver.searchPath("pwsh", shell.state()).isEmpty()) {
                    System.err.println("oasm: " + file + ": cannot run a .ps1 script: pwsh (PowerShell) is not installed");
                    return 127;
                }
                words.addAll(List.of("pwsh", "-NoLogo", "-File"));
            }
            words.add(file.toString());
            words.addAll(args);
            return shell.run(Quoting.join(words), "-c", io);
        }
        return shell.runFile(file, file.toString(), args, shell.state(), io);
    }

    /**
     * The user's terminal, opened the quick way. JLine's JNI provider is asked alone first: its FFM
     * provider generates its native call stubs at run time, and JLine initialises every provider it
     * is offered, which would cost the first prompt a few hundred milliseconds; only if JNI cannot
     * open the terminal does JLine choose among all of them. The capabilities of a terminal type
     * JLine carries a description of come from that description instead of from running
     * {@code infocmp}, which would be the session's first process.
     */
    static Terminal systemTerminal() throws IOException {
        String type = System.getenv("TERM");
        if (type != null && org.jline.utils.InfoCmp.getLoadedInfoCmp(type) == null) {
            String bundled = org.jline.utils.InfoCmp.getDefaultInfoCmp(type);
            if (bundled != null) {
                org.jline.utils.InfoCmp.setLoadedInfoCmp(type, bundled);
            }
        }
        try {
            return TerminalBuilder.builder().system(true).name("oasm").provider("jni").dumb(false).build();
        } catch (IOException | RuntimeException e) {
            return TerminalBuilder.builder().system(true).name("oasm").build();
        }
    }

    /**
     * JLine reports through java.util.logging; its warnings are not for the user's screen. Only
     * the interactive cockpit uses JLine, and setting up java.util.logging costs a noticeable
     * part of a start-up, so {@code -c} lines, files and stdin never pay for it.
     */
    static void quietJLine(boolean debug) {
        if (!debug) {
            java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.OFF);
        }
    }

    /** {@code ./oasm NAME}: a file called NAME that is no oasm command is run as a script, as bash would. */
    private boolean isScriptNotCommand(String name) {
        return Files.isRegularFile(Path.of(name)) && catalog.match(List.of(name)) == null
                && catalog.childrenOf(name).isEmpty();
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
        InputStream in = new FileInputStream(FileDescriptor.in);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        StringBuilder chunk = new StringBuilder();
        int firstLine = 0;
        int lineNo = 0;
        int status = 0;
        String line;
        while ((line = readLine(in, buffer)) != null) {
            lineNo++;
            chunk.append(line).append('\n');
            try {
                Parser.parsePartial(chunk.toString());
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

    /**
     * One line of stdin, read a byte at a time as bash reads a pipe: nothing after the line is
     * taken, so a command that reads stdin itself ({@code cat}, {@code head}) gets the lines that
     * follow it, as it would under bash. Null at the end of input.
     */
    private static String readLine(InputStream in, ByteArrayOutputStream buffer) throws IOException {
        buffer.reset();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return buffer.toString(StandardCharsets.UTF_8);
            }
            buffer.write(b);
        }
        return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.UTF_8);
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

    /**
     * The root, created if it does not exist yet, or a one-line error naming it: a path that is
     * not a folder, a folder that cannot be made, or (when recording) one that cannot be written,
     * such as a volume mounted read-only.
     */
    public static OasmRoot usableRoot(OasmRoot root, boolean recording) {
        Path dir = root.dir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OasmException("OASM root " + dir + " is not a folder",
                    OasmException.FAILED);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new OasmException("cannot create the OASM root " + dir + ": "
                    + describe(e), OasmException.FAILED);
        }
        if (recording && !Files.isWritable(dir)) {
            throw new OasmException("OASM root " + dir + " is read-only: its logs cannot be "
                    + "written (mount it read-write, or run with --no-provenance)", OasmException.FAILED);
        }
        return root;
    }

    private static String describe(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is not a folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** --root, then OASM_ROOT, then the folder the launcher lives in, then the working directory. */
    static OasmRoot resolveRoot(LaunchOptions options) {
        return resolveRoot(options, System.getenv(), Path.of("").toAbsolutePath());
    }

    /** {@link #resolveRoot(LaunchOptions)} for a launch in {@code cwd} with the environment {@code env}. */
    public static OasmRoot resolveRoot(LaunchOptions options, Map<String, String> env, Path cwd) {
        if (options.root() != null) {
            return new OasmRoot(cwd.resolve(options.root()));
        }
        String fromEnv = env.get("OASM_ROOT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new OasmRoot(cwd.resolve(fromEnv));
        }
        String launcher = System.getProperty("oasm.launcher");
        if (launcher != null) {
            return new OasmRoot(cwd.resolve(launcher).getParent());
        }
        return new OasmRoot(cwd);
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
