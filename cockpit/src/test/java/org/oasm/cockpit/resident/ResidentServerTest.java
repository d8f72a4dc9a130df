package org.oasm.cockpit.resident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitProcess;

/**
 * The resident cockpit served by this JVM, asked by the launcher's real client
 * ({@code src/main/sh/resident-client.bash}) in bash, as {@code ./oasm} asks it: what a served
 * command prints and exits with is what the same command in a cockpit of its own prints and
 * exits with; what it must not serve it declines, and the launcher then runs it itself.
 */
class ResidentServerTest {

    /** The client's status when the resident cockpit declined (the launcher would start a JVM). */
    static final int NOT_SERVED = 99;

    @TempDir
    static Path dir;

    static RunDir run;
    static Thread server;

    record Finished(int status, String out, String err) { }

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc: the resident cockpit reopens descriptors there");
        assumeTrue(new File("/bin/bash").canExecute(), "no bash: the launcher's client is a bash function");
        run = new RunDir(dir.resolve("run"));
        server = Thread.ofPlatform().daemon().name("resident-under-test").start(() -> {
            try {
                ResidentServer.serve(run, Duration.ofMinutes(10), () -> { });
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (run.running().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the resident cockpit did not get ready");
            Thread.sleep(20);
        }
        Path proj = Files.createDirectories(dir.resolve("proj"));
        Files.writeString(proj.resolve("a.rs"), "fn main() {\n    let unused = 3;\n    unsafe { x() }\n}\n");
        Files.writeString(proj.resolve("b.py"), "import os\ndef f(x):\n    return x == None\n");
        Files.writeString(dir.resolve("doc.json"), "{\"name\": \"x\", \"n\": [1, 2.5, 18446744073709551616], \"ok\": true}");
        Files.write(dir.resolve("x.h5"), new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0, 0});
    }

    @AfterAll
    static void stop() throws Exception {
        if (server == null) {
            return;
        }
        try (RandomAccessFile fifo = new RandomAccessFile(run.requests().toFile(), "rw")) {
            fifo.write("stop\n".getBytes(StandardCharsets.US_ASCII));
        }
        server.join(10_000);
        assertFalse(server.isAlive(), "the line `stop` ends the resident cockpit");
        assertFalse(Files.exists(run.requests()), "it takes its FIFO away");
    }

    /** {@code ./oasm ARGS} through the client, in {@code dir}, with {@code env} added. */
    static Finished client(Map<String, String> env, String... args) throws Exception {
        return finish(clientProcess(env, args), true);
    }

    /** The client's process for {@code ./oasm ARGS}, not started. */
    static ProcessBuilder clientProcess(Map<String, String> env, String... args) {
        List<String> argv = new ArrayList<>(List.of("bash", "-c",
                "source \"$0\"; oasm_resident \"$1\" \"${@:2}\"; echo 'not served' >&2; exit " + NOT_SERVED,
                Path.of("src/main/sh/resident-client.bash").toAbsolutePath().toString(), run.path().toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
        pb.environment().remove("OASM_ROOT");
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs {@code pb} with its output to files, opened for appending ({@code >>}) or not ({@code >}). */
    static Finished finish(ProcessBuilder pb, boolean append) throws Exception {
        Path out = Files.createTempFile(dir, "out", "");
        Path err = Files.createTempFile(dir, "err", "");
        pb.redirectInput(new File("/dev/null"));
        if (append) {
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        } else {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        }
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the client did not finish");
        return new Finished(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** What the same invocation gives in a cockpit of its own. */
    static Finished unserved(Map<String, String> env, String... args) throws Exception {
        return finish(CockpitProcess.builder(dir, env, args), false);
    }

    private static String withoutIndexName(String s) {
        return s.replaceAll("baseline_index_[0-9TZ]+\\.json", "INDEX").replaceAll("\"generated\":\"[^\"]+\"", "");
    }

    private static void assertSameAsUnserved(Map<String, String> env, String... args) throws Exception {
        Finished served = client(env, args);
        Finished own = unserved(env, args);
        assertEquals(own.status(), served.status(), "status of " + String.join(" ", args) + "; stderr: " + served.err());
        assertEquals(withoutIndexName(own.out()), withoutIndexName(served.out()), "stdout of " + String.join(" ", args));
        assertEquals(withoutIndexName(own.err()), withoutIndexName(served.err()), "stderr of " + String.join(" ", args));
    }

    @Test
    void servedScanPrintsAndExitsAsACockpitOfItsOwn() throws Exception {
        String root = dir.resolve("root").toString();
        assertSameAsUnserved(Map.of(), "--root", root, "scan", "proj");
        assertSameAsUnserved(Map.of(), "--root", root, "scan", "proj", "--format", "json");
        assertSameAsUnserved(Map.of(), "--root", root, "scan");                 // usage: status 2
        assertSameAsUnserved(Map.of(), "--root", root, "scan", "nosuch");       // a failure: status 1
        assertSameAsUnserved(Map.of(), "--root", root, "rules", "explain", "unsafe_blocks_require_audit");
        assertSameAsUnserved(Map.of("OASM_ROOT", root), "templates", "show", "fix_unsafe_blocks");
        Finished scan = client(Map.of(), "--root", root, "scan", "proj");
        assertEquals(1, scan.status(), "an error-severity finding");
        assertTrue(scan.out().contains("a.rs:3:5 error unsafe_blocks_require_comment"), scan.out() + " / " + scan.err());
        assertTrue(Files.readString(run.status()).matches("(?s).*served [1-9][0-9]*\n.*"), "the status file counts");
    }

    @Test
    void aServedCommandIsRecordedInTheLaunchersFolderAndEnvironment() throws Exception {
        Path root = dir.resolve("recorded-root");
        Finished f = client(Map.of("OASM_ROOT", root.toString()), "scan", "proj");
        assertEquals(1, f.status(), f.err());
        String log = executionLog(root);
        assertTrue(log.contains("\"cwd\":\"" + dir.toRealPath() + "\""), log);
        assertTrue(log.contains("cockpit session started (subcommand resident)"), log);
        assertTrue(log.contains("\"command\":\"oasm scan proj\""), log);
    }

    @Test
    void whatIsNotServedIsDeclined() throws Exception {
        String root = dir.resolve("root").toString();
        for (List<String> args : List.of(List.of("--root", root, "-c", "true"), List.of("--root", root, "proj/a.rs"),
                List.of("--bogus-option", "scan", "proj"),
                // conversions that hold a whole document in memory, or name the resident's own descriptors
                List.of("convert", "doc.json", "--to", "hdf5", "-o", "doc.h5"), List.of("convert", "x.h5", "--to", "json"),
                List.of("convert", "doc.json", "--to", "cbor", "--schema", "any"),
                List.of("convert", "/dev/stdin", "--to", "cbor"), List.of("convert", "doc.json", "--to", "json", "-o", "/dev/stdout"))) {
            Finished f = client(Map.of(), args.toArray(String[]::new));
            assertEquals(NOT_SERVED, f.status(), args + " is for the launcher to run; stderr: " + f.err());
            assertEquals("", f.out());
        }
        assertTrue(run.running().isPresent(), "declining ends nothing");
    }

    @Test
    void outputToAFileTheLauncherWritesOnIsServedOnlyWhenItAppends() throws Exception {
        String root = dir.resolve("root").toString();
        Path out = dir.resolve("both.txt");
        String line = "{ ( . \"$0\"; oasm_resident \"$1\" --root " + root + " rules explain tab_indentation"
                + " ) || echo 'not served'; echo after; } %s " + out;
        String client = Path.of("src/main/sh/resident-client.bash").toAbsolutePath().toString();
        for (String redirect : List.of(">", ">>")) {
            Files.deleteIfExists(out);
            Process p = new ProcessBuilder("bash", "-c", line.formatted(redirect), client, run.path().toString())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String text = Files.readString(out);
            if (redirect.equals(">")) {
                assertEquals("not served\nafter\n", text, "> is declined: the shell's next write would land on it");
            } else {
                assertTrue(text.contains("tab_indentation") && text.endsWith("\nafter\n")
                        && !text.contains("not served"), ">> is served, and what follows comes after it: " + text);
            }
        }
    }

    @Test
    void servedConversionsWriteWhatACockpitOfItsOwnWrites() throws Exception {
        String root = dir.resolve("root").toString();
        assertSameAsUnserved(Map.of(), "--root", root, "convert", "doc.json", "--to", "yaml");
        assertSameAsUnserved(Map.of(), "--root", root, "convert", "nosuch.json", "--to", "cbor");   // status 1
        assertSameAsUnserved(Map.of(), "--root", root, "convert", "doc.json");                       // usage: status 2
        Finished served = client(Map.of(), "--root", root, "convert", "doc.json", "--to", "cbor", "-o", "served.cbor");
        assertEquals(0, served.status(), served.err());
        assertEquals(0, unserved(Map.of(), "--root", root, "convert", "doc.json", "--to", "cbor", "-o", "own.cbor").status());
        assertArrayEquals(Files.readAllBytes(dir.resolve("own.cbor")), Files.readAllBytes(dir.resolve("served.cbor")));
    }

    @Test
    void onATerminalAServedConversionIndentsJsonAndRefusesCbor() throws Exception {
        assumeTrue(new File("/usr/bin/script").canExecute(), "no script(1) to give the client a terminal");
        String client = Path.of("src/main/sh/resident-client.bash").toAbsolutePath().toString();
        String root = dir.resolve("root").toString();
        for (String to : List.of("json", "cbor")) {
            String line = "source '" + client + "'; oasm_resident '" + run.path() + "' --root '" + root + "' convert doc.json --to "
                    + to + "; echo 'not served'; exit " + NOT_SERVED;
            Process p = new ProcessBuilder("/usr/bin/script", "-qec", "bash -c \"" + line + "\"", "/dev/null")
                    .directory(dir.toFile()).redirectInput(new File("/dev/null")).redirectErrorStream(true).start();
            String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            if (to.equals("json")) {
                assertEquals(0, p.exitValue(), shown);
                assertTrue(shown.startsWith("{\n  \"name\": \"x\",\n"), "indented, as jq . on a terminal: " + shown);
            } else {
                assertEquals(2, p.exitValue(), shown);
                assertTrue(shown.contains("CBOR is binary: not writing it to a terminal"), shown);
            }
        }
    }

    @Test
    void aConversionWhoseLauncherIsKilledEndsQuietlyAndIsRecordedAsCancelled() throws Exception {
        Path big = dir.resolve("big.json");
        try (var w = Files.newBufferedWriter(big)) {
            w.write("[");
            for (int i = 0; i < 200_000; i++) {
                w.write((i == 0 ? "" : ",") + "{\"id\":" + i + ",\"text\":\"some forty characters of text to convert\"}");
            }
            w.write("]");
        }
        Path root = dir.resolve("cancel-root");
        Path err = dir.resolve("cancel.err");
        Path out = dir.resolve("cancel.out");
        assertEquals(0, new ProcessBuilder("mkfifo", out.toString()).start().waitFor());
        // its output a FIFO nobody reads: the conversion waits on it, past 8 MB, until the launcher is killed
        try (RandomAccessFile held = new RandomAccessFile(out.toFile(), "rw")) {
            Process p = clientProcess(Map.of("OASM_ROOT", root.toString()), "convert", "big.json", "--to", "json")
                    .redirectInput(new File("/dev/null")).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile())).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(run.reply(p.pid())) || Files.exists(run.request(p.pid()))) {
                assertTrue(System.nanoTime() < deadline, "the request was not taken; " + Files.readString(err));
                Thread.sleep(20);
            }
            Thread.sleep(1000);
            p.destroyForcibly();
            p.waitFor();
            Thread.sleep(500);  // the resident cockpit looks for its launcher every 100 ms
        }  // and then the reader goes, as the rest of a pipeline would
        Finished next = client(Map.of(), "--root", dir.resolve("root").toString(), "rules", "explain", "tab_indentation");
        assertEquals(0, next.status(), "the next request is served: " + next.err());
        assertEquals("", Files.readString(err), "nothing written after the launcher was gone");
        String log = executionLog(root);
        assertTrue(log.contains("\"status\":\"Cancelled\",\"duration_ms\"") && log.contains("\"exit_status\":130"), log);
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    private static String executionLog(Path root) throws IOException {
        Path folder = root.resolve("logs/execution");
        if (!Files.isDirectory(folder)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (var logs = Files.list(folder)) {
            for (Path log : logs.filter(f -> !f.getFileName().toString().startsWith("errors_")).toList()) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }

    @Test
    void aRequestWhoseLauncherIsGoneIsSkipped() throws Exception {
        Files.write(run.request(2_000_000_000L), "\0scan\0proj\0".getBytes(StandardCharsets.UTF_8));
        try (RandomAccessFile fifo = new RandomAccessFile(run.requests().toFile(), "rw")) {
            fifo.write("2000000000\nnot a pid\n".getBytes(StandardCharsets.US_ASCII));
        }
        Finished f = client(Map.of(), "--root", dir.resolve("root").toString(), "scan", "proj");
        assertEquals(1, f.status(), "served after the stale request: " + f.err());
        assertFalse(Files.exists(run.request(2_000_000_000L)), "the stale request is cleared away");
    }

    @Test
    void theLauncherSendsExactlyTheServedSubcommands() throws IOException {
        String launcher = Files.readString(Path.of("../oasm"));
        Matcher m = Pattern.compile("(?m)^\\s+(scan\\|[a-z|]+)\\)\\s*$").matcher(launcher);
        assertTrue(m.find(), "the launcher's list of served subcommands");
        assertEquals(new TreeSet<>(ResidentServer.SERVED), new TreeSet<>(Set.of(m.group(1).split("\\|"))));
    }
}
