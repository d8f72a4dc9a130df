package org.oasm.cockpit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oasm.formats.root.OasmRoot;
import org.oasm.substrate.exec.Endpoint;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.ShellExit;
import org.oasm.substrate.exec.TerminalInfo;

/** Runs lines through a real in-process cockpit on a temporary root, capturing stdout and stderr in files. */
public final class CockpitHarness {

    /** What a line printed and its status. */
    public record Result(int status, String out, String err) { }

    private final Path dir;
    private final Cockpit cockpit;

    public CockpitHarness(Path dir) {
        this(dir, false);
    }

    /** A cockpit that writes execution, provenance and lineage records under {@code dir/root} when {@code record}. */
    public CockpitHarness(Path dir, boolean record) {
        this.dir = dir;
        LaunchOptions opts = new LaunchOptions(dir.resolve("root"), false, !record, false,
                LaunchOptions.Mode.COMMAND_STRING, "true", null, List.of());
        this.cockpit = new Cockpit(opts, new OasmRoot(dir.resolve("root")).create(), TerminalInfo.NONE);
        cockpit.shell().state().changeDirectory(dir);
    }

    /** Ends the cockpit's recording, so that its execution log is complete on disk. */
    public void close() {
        cockpit.finish(0);
    }

    public Path root() {
        return dir.resolve("root");
    }

    public Cockpit cockpit() {
        return cockpit;
    }

    public Result run(String line) throws IOException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        IoContext io = new IoContext(new Endpoint.Null(), new Endpoint.FileEndpoint(out, false),
                new Endpoint.FileEndpoint(err, false));
        int status;
        try {
            status = cockpit.shell().run(line, "-c", io);
        } catch (ShellExit e) {
            status = e.status();
        }
        Result r = new Result(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
