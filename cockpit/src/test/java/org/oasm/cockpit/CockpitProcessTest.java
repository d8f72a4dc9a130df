package org.oasm.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The cockpit as a user starts it: a real process, its own stdin, stdout and stderr. Start-up
 * errors, the ways to run it, and that a {@code -c} line is recorded.
 */
@Execution(ExecutionMode.CONCURRENT)
class CockpitProcessTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) { }

    private Run oasm(String stdin, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> argv = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.oasm.cockpit.Main", "--root", dir.resolve("root").toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
        pb.environment().remove("OASM_ROOT");
        Path in = dir.resolve("stdin.txt");
        Files.writeString(in, stdin == null ? "" : stdin);
        pb.redirectInput(stdin == null ? new File("/dev/null") : in.toFile());
        Path out = Files.createTempFile(dir, "out", "");
        Path err = Files.createTempFile(dir, "err", "");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the cockpit did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aMalformedProfileIsReportedInOneLineAndTheDefaultsApply() throws Exception {
        Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("root/shell_profile.yaml"), "prompt: [unclosed\n");
        Run r = oasm(null, "-c", "echo ok");
        assertEquals(0, r.status());
        assertEquals("ok\n", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("oasm: " + dir.resolve("root/shell_profile.yaml") + ": "), r.err());
        assertTrue(r.err().strip().endsWith("using the default profile"), r.err());
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() throws Exception {
        Run bogus = oasm(null, "--bogus");
        assertEquals(new Run(2, "", "oasm: --bogus: unknown option (try: oasm help)\n"), bogus);
        Run unknown = oasm(null, "nosuchcommand");
        assertEquals(2, unknown.status());
        assertEquals("oasm: unknown command 'nosuchcommand' (try: oasm help)\n", unknown.err());
        Run option = oasm(null, "-c", "oasm store list --bogus");
        assertEquals(2, option.status(), option.toString());
        assertTrue(option.err().contains("--bogus"), option.err());
    }

    @Test
    void commandsOnStdinRunSilently() throws Exception {
        Run r = oasm("echo hi | tr a-z A-Z\ncd /nonexistent\necho $?\n");
        assertEquals("HI\n1\n", r.out());
        assertEquals("oasm: line 2: cd: /nonexistent: No such file or directory\n", r.err());
        assertEquals(0, r.status());
    }

    @Test
    void aCommandReadingStdinGetsTheLinesAfterIt() throws Exception {
        assertEquals(new Run(0, "a\necho b\n", ""), oasm("echo a\ncat\necho b\n"));
    }

    @Test
    void scriptsRunByTheirKind() throws Exception {
        Files.writeString(dir.resolve("s.sh"), "echo \"bash ${BASH_VERSION:+here}: $1\"\nexit 4\n");
        assertEquals(new Run(4, "bash here: x\n", ""), oasm(null, "s.sh", "x"));
        Files.writeString(dir.resolve("s.oasm"), "echo \"session $1 $#\"\nnosuch_cmd_q\n");
        assertEquals(new Run(127, "session a 2\n", "s.oasm: line 2: nosuch_cmd_q: command not found\n"),
                oasm(null, "s.oasm", "a", "b"));
        assertEquals(new Run(127, "", "oasm: gone.oasm: No such file or directory\n"), oasm(null, "gone.oasm"));
        Files.writeString(dir.resolve("s.ps1"), "Write-Output hi\n");
        boolean pwsh = Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, "pwsh")));
        assumeTrue(!pwsh, "pwsh is installed here");
        assertEquals(new Run(127, "", "oasm: s.ps1: cannot run a .ps1 script: pwsh (PowerShell) is not installed\n"),
                oasm(null, "s.ps1"));
    }

    @Test
    void aCommandStringIsRecorded() throws Exception {
        assertEquals(new Run(3, "", ""), oasm(null, "-c", "echo recorded-line > f.txt; sh -c 'exit 3'"));
        Path logs = dir.resolve("root/logs/execution");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().startsWith("errors_")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"scope\":\"Command\"") && l.contains("\"status\":\"Failed\"")
                && l.contains("\"exit_status\":3") && l.contains("echo recorded-line")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"scope\":\"Session\"") && l.contains("cockpit session ended")),
                String.join("\n", lines));
    }
}
