package org.oasm.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a container needs from the cockpit as its entrypoint, checked on real cockpit processes:
 * no terminal, SIGTERM ending the session quickly with every record written, a clear error for a
 * root it cannot use, and execution records on stdout for a log collector.
 */
class ContainerEntrypointTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private List<JsonNode> records(Path root) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> logs = Files.list(new OasmRoot(root).executionLogs())) {
            for (Path log : logs.filter(p -> !p.getFileName().toString().startsWith("errors_")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    /** Reads the cockpit's stdout up to a line; the reader keeps the rest. */
    private static BufferedReader awaitLine(Process p, String text) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.equals(text)) {
                return r;
            }
        }
        throw new AssertionError("the cockpit ended without printing " + text);
    }

    @Test
    void sigtermStopsTheProgramRecordsItCancelledAndExits143WithinTwoSeconds() throws Exception {
        Path root = dir.resolve("root");
        Process p = CockpitProcess.builder(dir, Map.of(), "--root", root.toString(), "-c", "echo started; sleep 30; echo after")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = awaitLine(p, "started");
        Thread.sleep(300);
        List<ProcessHandle> programs = p.descendants().toList();
        assertFalse(programs.isEmpty(), "sleep should be running");
        long t0 = System.nanoTime();
        p.toHandle().destroy(); // SIGTERM alone: Process.destroy() would also close the pipes
        assertTrue(p.waitFor(2, TimeUnit.SECONDS), "the cockpit did not end within 2 s of SIGTERM");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(143, p.exitValue());
        String rest = out.lines().reduce("", (a, b) -> a + b + "\n");
        assertFalse(rest.contains("after"), "a command ran after SIGTERM: " + rest);
        for (ProcessHandle program : programs) {
            assertTrue(program.onExit().get(1, TimeUnit.SECONDS) != null && !program.isAlive(), "sleep was left running");
        }

        SchemaRegistry registry = SchemaRegistry.open(new OasmRoot(root));
        List<JsonNode> records = records(root);
        for (JsonNode r : records) {
            assertEquals(List.of(), registry.validate(r, "execution_log"), r.toString());
        }
        JsonNode sleep = records.stream().filter(r -> r.get("command").asString().equals("sleep 30")
                && !r.get("status").asString().equals("Started")).findFirst().orElseThrow();
        assertEquals("Cancelled", sleep.get("status").asString());
        assertEquals(143, sleep.get("exit_status").asInt());
        JsonNode last = records.getLast();
        assertEquals("Session", last.get("scope").asString());
        assertEquals("Cancelled", last.get("status").asString());
        assertEquals(143, last.get("exit_status").asInt());
        assertTrue(millis < 2000, millis + " ms");
    }

    @Test
    void sigtermWhileWaitingForInputEndsTheSession() throws Exception {
        Path root = dir.resolve("root");
        Process p = CockpitProcess.builder(dir, Map.of(), "--root", root.toString()).start();
        p.getOutputStream().write("echo ready\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        awaitLine(p, "ready");
        p.toHandle().destroy();
        assertTrue(p.waitFor(2, TimeUnit.SECONDS), "the cockpit did not end within 2 s of SIGTERM");
        assertEquals(143, p.exitValue(), records(root).toString());
        JsonNode last = records(root).getLast();
        assertEquals("cockpit session ended", last.get("command").asString());
        assertEquals(143, last.get("exit_status").asInt());
    }

    @Test
    void logStdoutWritesEveryRecordAsAJsonLineBesideTheOutput() throws Exception {
        Path root = dir.resolve("root");
        CockpitProcess.Finished f = CockpitProcess.run(dir, Map.of(), "", "--root", root.toString(), "--log-stdout",
                "-c", "echo hi | tr a-z A-Z; false");
        assertEquals(1, f.status(), f.err());
        List<String> lines = f.out().lines().toList();
        assertTrue(lines.contains("HI"), f.out());
        List<JsonNode> logged = new ArrayList<>();
        for (String line : lines) {
            if (!line.equals("HI")) {
                logged.add(JSON.readTree(line));
            }
        }
        List<String> seqs = logged.stream().map(r -> r.get("seq").asString()).toList();
        List<String> inFiles = records(root).stream().map(r -> r.get("seq").asString()).toList();
        assertEquals(inFiles, seqs, "stdout should carry the records the log holds, in order");
        assertTrue(logged.stream().anyMatch(r -> r.get("command").asString().equals("false")
                && r.get("status").asString().equals("Failed")));
    }

    @Test
    void aRootThatIsAFileOrCannotBeMadeIsOneLineAndStatusOne() throws Exception {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        CockpitProcess.Finished f = CockpitProcess.run(dir, Map.of("OASM_ROOT", file.toString()), "", "-c", "echo hi");
        assertEquals(1, f.status());
        assertEquals("oasm: OASM root " + file + " is not a folder\n", f.err());
        assertEquals("", f.out());
        f = CockpitProcess.run(dir, Map.of("OASM_ROOT", file.resolve("sub").toString()), "", "-c", "echo hi");
        assertEquals(1, f.status());
        assertEquals("oasm: cannot create the OASM root " + file.resolve("sub") + ": Not a directory\n", f.err());
    }

    @Test
    void aReadOnlyRootIsRefusedUnlessNothingIsRecorded() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("ro"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", mount.toString()) == 0,
                "cannot mount a read-only tmpfs here (needs root)");
        try {
            CockpitProcess.Finished f = CockpitProcess.run(dir, Map.of("OASM_ROOT", mount.toString()), "", "-c", "echo hi");
            assertEquals(1, f.status());
            assertEquals("oasm: OASM root " + mount + " is read-only: its logs cannot be written (mount it read-write, "
                    + "or run with --no-provenance)\n", f.err());
            f = CockpitProcess.run(dir, Map.of("OASM_ROOT", mount.toString()), "", "--no-provenance", "-c", "echo hi");
            assertEquals(0, f.status(), f.err());
            assertEquals("hi\n", f.out());
        } finally {
            run("umount", mount.toString());
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
