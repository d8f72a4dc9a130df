package org.oasm.cockpit.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.oasm.cockpit.CockpitServices;
import org.oasm.cockpit.command.Commands;
import org.oasm.cockpit.command.OasmBuiltin;
import org.oasm.cockpit.profile.ProfileLoader;
import org.oasm.cockpit.profile.ShellProfile;
import org.oasm.cockpit.provenance.ConfigHash;
import org.oasm.cockpit.provenance.Recorder;
import org.oasm.formats.provenance.Actor;
import org.oasm.formats.root.OasmRoot;
import org.oasm.substrate.ExecutionListener;
import org.oasm.substrate.Shell;
import org.oasm.substrate.builtin.Builtins;
import org.oasm.substrate.exec.Endpoint;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.ShellExit;
import org.oasm.substrate.exec.ShellState;
import org.oasm.substrate.exec.TerminalInfo;

/**
 * The self-test's own cockpit: a scratch OASM root in a temporary folder, whose {@code templates/},
 * {@code schemas/}, {@code manifests/} and {@code shell_profile.yaml} are copies of the user's
 * root's own (so it sees the installation's data, the jar's where the root has none), and a
 * cockpit session on it, built as a batch session of the cockpit is: the profile's environment,
 * {@code OASM_ROOT} exported, recording on, the {@code oasm} command, no terminal. Every check
 * that writes (command blocks, conversions, records) runs its command lines here, so the user's
 * root only ever gets the self-test's own provenance record and the report.
 */
final class ScratchCockpit implements AutoCloseable {

    private static final List<String> DATA = List.of("templates", "schemas", "manifests", "shell_profile.yaml");

    /** What one command line printed, and its exit status. */
    record Result(int status, String out, String err) {
        String both() {
            return out + err;
        }
    }

    private final Path dir;
    private final OasmRoot root;
    private final Path work;
    private final boolean debug;
    private Recorder recorder;
    private CockpitServices services;
    private Shell shell;
    private boolean pythonUsed;
    private int captures;

    /**
     * A scratch root mirroring {@code installation}'s data and a session on it; recording on
     * unless the profile turns it off. {@code pythonModules} start on GraalPy in the background.
     */
    ScratchCockpit(OasmRoot installation, boolean debug, List<String> pythonModules) throws IOException {
        this.dir = Files.createTempDirectory("oasm-selftest-");
        this.root = new OasmRoot(dir.resolve("root")).create();
        this.work = Files.createDirectories(dir.resolve("work"));
        this.debug = debug;
        Files.createDirectories(dir.resolve("io"));
        for (String name : DATA) {
            copyTree(installation.dir().resolve(name), root.dir().resolve(name));
        }
        open(pythonModules);
    }

    private void open(List<String> pythonModules) {
        ShellProfile profile = ProfileLoader.load(root).profile();
        this.recorder = profile.provenanceEnabled()
                ? new Recorder(root, Actor.fromEnvironment(System.getenv()), profile.provenanceCbor(), ConfigHash.of(profile), "selftest")
                : null;
        this.services = new CockpitServices(root, profile, debug, recorder);
        this.pythonUsed = !pythonModules.isEmpty();
        if (pythonUsed) {
            services.bridge().startInBackground(pythonModules.toArray(String[]::new));
        }
        ShellState state = ShellState.startup(work, System.getenv());
        profile.environment().forEach((k, v) -> {
            state.assign(k, v);
            state.export(k);
        });
        state.assign("OASM_ROOT", root.dir().toString());
        state.export("OASM_ROOT");
        Builtins builtins = Builtins.standard();
        builtins.register("oasm", new OasmBuiltin(Commands.catalog(), services));
        this.shell = new Shell(state, builtins, recorder == null ? ExecutionListener.NONE : recorder.listener(), TerminalInfo.NONE);
        shell.state().changeDirectory(work);
    }

    /**
     * Ends this session (its records flushed) and starts a new one on the same root, the way a
     * user's next cockpit reads back what the last one wrote.
     */
    void restart() {
        close();
        open(List.of());
    }

    /** The temporary folder: {@code root/} (the scratch OASM root), {@code work/} (the working directory). */
    Path dir() {
        return dir;
    }

    OasmRoot root() {
        return root;
    }

    Path work() {
        return work;
    }

    /** Whether this session records (the installation's profile may turn recording off). */
    boolean recording() {
        return recorder != null;
    }

    /** The run id of this session's execution log. */
    String runId() {
        return recorder == null ? "" : recorder.runId().toString();
    }

    /** Runs one command line in the scratch session, its output captured. */
    Result run(String line) throws IOException {
        int n = captures++;
        Path out = dir.resolve("io/" + n + ".out");
        Path err = dir.resolve("io/" + n + ".err");
        IoContext io = new IoContext(new Endpoint.Null(), new Endpoint.FileEndpoint(out, false), new Endpoint.FileEndpoint(err, false));
        int status;
        try {
            status = shell.run(line, "selftest", io);
        } catch (ShellExit e) {
            status = e.status();
        }
        Result r = new Result(status, read(out), read(err));
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        return r;
    }

    /** Ends the session: its last record written and everything flushed, GraalPy closed. */
    @Override
    public void close() {
        if (recorder != null) {
            recorder.close(0);
        }
        if (pythonUsed) {
            services.bridge().close();
        }
    }

    /** Deletes the scratch folder. */
    void delete() {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot delete: " + e.getMessage(), e);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /** Copies a file or a folder tree when it exists. */
    static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (Files.isRegularFile(p)) {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t);
                }
            }
        }
    }
}
