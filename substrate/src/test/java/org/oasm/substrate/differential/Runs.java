package org.oasm.substrate.differential;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.oasm.substrate.ExecutionListener;
import org.oasm.substrate.Shell;
import org.oasm.substrate.builtin.Builtins;
import org.oasm.substrate.exec.Endpoint;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.ShellExit;
import org.oasm.substrate.exec.ShellState;
import org.oasm.substrate.exec.TerminalInfo;

/** Runs a case through {@code bash -c} or through the substrate, in a sandbox, and collects what it did. */
public final class Runs {

    /** What one run printed, its status, and the work folder afterwards (all normalised). */
    public record Outcome(int status, String out, String err, List<String> files) { }

    private Runs() {
    }

    /** True when bash can be started here. */
    public static boolean hasBash() {
        try {
            return new ProcessBuilder("bash", "-c", "true").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code bash -c SOURCE oasm ARGS...}: $0 is "oasm", so bash's messages start "oasm: " as the substrate's do. */
    public static Outcome bash(DiffCase c, Sandbox box) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("bash", "-c", c.source(), "oasm"));
        argv.addAll(c.args());
        ProcessBuilder pb = new ProcessBuilder(argv).directory(box.work().toFile());
        pb.environment().clear();
        pb.environment().putAll(box.environment());
        Path out = box.root().resolve("stdout");
        Path err = box.root().resolve("stderr");
        pb.redirectInput(stdin(c, box));
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bash did not finish within 30 s: " + c);
        }
        return collect(p.exitValue(), out, err, box);
    }

    /** The same through the substrate, in this JVM, with stdout and stderr on files as bash had them. */
    public static Outcome substrate(DiffCase c, Sandbox box) throws IOException {
        ShellState state = ShellState.startup(box.work(), box.environment());
        state.setArguments("oasm", c.args());
        Shell shell = new Shell(state, Builtins.standard(), ExecutionListener.NONE, TerminalInfo.NONE);
        Path out = box.root().resolve("stdout");
        Path err = box.root().resolve("stderr");
        Files.createFile(out);
        Files.createFile(err);
        Endpoint in = c.stdin() == null ? new Endpoint.Null() : new Endpoint.FileEndpoint(stdinFile(c, box), true);
        IoContext io = new IoContext(in, new Endpoint.FileEndpoint(out, false), new Endpoint.FileEndpoint(err, false));
        int status;
        try {
            status = shell.run(c.source(), "-c", io);
        } catch (ShellExit e) {
            status = e.status();
        }
        return collect(status, out, err, box);
    }

    private static ProcessBuilder.Redirect stdin(DiffCase c, Sandbox box) throws IOException {
        return c.stdin() == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdinFile(c, box).toFile());
    }

    private static Path stdinFile(DiffCase c, Sandbox box) throws IOException {
        Path f = box.root().resolve("stdin");
        if (!Files.exists(f)) {
            Files.writeString(f, c.stdin(), StandardCharsets.UTF_8);
        }
        return f;
    }

    private static Outcome collect(int status, Path out, Path err, Sandbox box) {
        try {
            String o = box.normalise(Files.readString(out, StandardCharsets.UTF_8));
            String e = box.normalise(Files.readString(err, StandardCharsets.UTF_8));
            return new Outcome(status, o, e, box.snapshot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
