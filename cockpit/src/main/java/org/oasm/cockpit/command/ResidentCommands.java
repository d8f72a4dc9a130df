package org.oasm.cockpit.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.oasm.cockpit.resident.ResidentServer;
import org.oasm.cockpit.resident.RunDir;

/**
 * {@code oasm resident start|stop|status}: the resident cockpit that serves the launcher's
 * {@code ./oasm scan}, {@code rules}, {@code templates} ... from a warm JVM ({@link ResidentServer}).
 * It is started only when asked for, and ends after hours without a request.
 */
final class ResidentCommands {

    /** How long {@code start} waits for the warm-up (about 10 s on two cores). */
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private ResidentCommands() {
    }

    static List<OasmCommand> all() {
        return List.of(new Start(), new Stop(), new Status());
    }

    /** The run folder of the launcher this cockpit was started by. */
    static RunDir runDir(Invocation inv) {
        String launcher = System.getProperty("oasm.launcher");
        if (launcher == null) {
            throw new CommandFailure("the resident cockpit is started through the ./oasm launcher, which started"
                    + " no cockpit here");
        }
        return RunDir.of(Path.of(launcher), inv.shell().state().environment());
    }

    static final class Start extends OasmCommand {
        Start() {
            super("resident start", "Shell", "keep a warm cockpit running that serves ./oasm scan, rules, templates ...",
                    "", 0, 0, List.of());
        }

        @Override
        protected int run(Invocation inv) throws IOException, InterruptedException {
            RunDir dir = runDir(inv);
            Optional<ProcessHandle> running = dir.running();
            if (running.isPresent()) {
                inv.out().println("resident cockpit already running (pid " + running.get().pid() + ")");
                return 0;
            }
            Files.createDirectories(dir.path());
            ProcessBuilder pb = new ProcessBuilder("setsid", "-f", System.getProperty("oasm.launcher"),
                    "--no-provenance", "--serve-resident")
                    .directory(dir.path().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.log().toFile()))
                    .redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(inv.shell().state().environment());
            try {
                if (pb.start().waitFor() != 0) {
                    throw new CommandFailure("the resident cockpit did not start; see " + dir.log());
                }
            } catch (IOException e) {
                throw new CommandFailure("cannot start the resident cockpit: setsid (util-linux) is needed: " + e.getMessage());
            }
            long t0 = System.nanoTime();
            long deadline = t0 + READY_WITHIN.toNanos();
            while (dir.running().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new CommandFailure("the resident cockpit was not ready within " + READY_WITHIN.toSeconds()
                            + " s; see " + dir.log());
                }
                Thread.sleep(100);
            }
            inv.out().printf("resident cockpit running (pid %d, ready after %.1f s); ./oasm %s run in it%n",
                    dir.running().map(ProcessHandle::pid).orElse(0L), (System.nanoTime() - t0) / 1e9,
                    String.join(", ", ResidentServer.SERVED.stream().sorted().toList()));
            return 0;
        }
    }

    static final class Stop extends OasmCommand {
        Stop() {
            super("resident stop", "Shell", "end the resident cockpit", "", 0, 0, List.of());
        }

        @Override
        protected int run(Invocation inv) throws Exception {
            RunDir dir = runDir(inv);
            Optional<ProcessHandle> running = dir.running();
            if (running.isEmpty()) {
                inv.out().println("no resident cockpit is running");
                return 0;
            }
            ProcessHandle p = running.get();
            // the line `stop` lets the request it serves finish; SIGTERM if it does not end soon
            try (var fifo = new java.io.RandomAccessFile(dir.requests().toFile(), "rw")) {
                fifo.write("stop\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IOException e) {
                p.destroy();
            }
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                p.destroy();
                try {
                    p.onExit().get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e2) {
                    p.destroyForcibly();
                }
            }
            inv.out().println("resident cockpit stopped (pid " + p.pid() + ")");
            return 0;
        }
    }

    static final class Status extends OasmCommand {
        Status() {
            super("resident status", "Shell", "whether the resident cockpit runs and what it served (1: none runs)",
                    "", 0, 0, List.of());
        }

        @Override
        protected boolean recorded() {
            return false;
        }

        @Override
        protected int run(Invocation inv) throws IOException {
            RunDir dir = runDir(inv);
            Optional<ProcessHandle> running = dir.running();
            if (running.isEmpty()) {
                inv.out().println("no resident cockpit is running (oasm resident start starts one)");
                return 1;
            }
            inv.out().println("resident cockpit running (pid " + running.get().pid() + ", folder " + dir.path() + ")");
            if (Files.exists(dir.status())) {
                Files.readAllLines(dir.status()).forEach(l -> inv.out().println("  " + l));
            }
            return 0;
        }
    }
}
