package org.oasm.cockpit.differential;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oasm.substrate.differential.CaseFile;
import org.oasm.substrate.differential.DiffCase;
import org.oasm.substrate.differential.Runs;
import org.oasm.substrate.differential.Sandbox;

/**
 * The substrate's differential cases through the real cockpit process (its JVM, real file
 * descriptors, the profile, provenance recording on), in the three ways the contract gives:
 * {@code oasm -c LINE} against {@code bash -c LINE}, commands on stdin against bash reading stdin,
 * and a session file against bash running the same file. A JVM per case is slow (the in-process
 * suite runs every case), so {@code -c} takes every fortieth case, and the cases of several
 * lines go in turn to a file and to stdin. The cockpit's root
 * has a profile without the bundled one's environment ({@code OASM_EDITOR}), which bash cannot
 * know of; {@code OASM_ROOT} is given to bash as well.
 */
@Execution(ExecutionMode.CONCURRENT)
class LauncherDifferentialTest {

    static final String CASES = "/org/oasm/substrate/differential/cases.txt";

    /** How the input reaches the shell. */
    enum Mode { COMMAND_STRING, STDIN, FILE }

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsBash() {
        assumeTrue(Runs.hasBash(), "bash is not installed: nothing to compare with");
    }

    static Stream<Arguments> cases() {
        List<DiffCase> all = CaseFile.load(CASES);
        List<Arguments> out = new ArrayList<>();
        IntStream.range(0, all.size()).filter(i -> i % 40 == 0)
                .forEach(i -> out.add(Arguments.of(Mode.COMMAND_STRING, all.get(i))));
        int multiLine = 0;
        for (DiffCase c : all) {
            if (c.source().contains("\n")) {
                if (multiLine % 2 == 0) {
                    out.add(Arguments.of(Mode.FILE, c));
                } else if (c.args().isEmpty() && !c.source().contains("$0") && c.stdin() == null) {
                    out.add(Arguments.of(Mode.STDIN, c));
                }
                multiLine++;
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void cockpitBehavesLikeBash(Mode mode, DiffCase c) throws Exception {
        Path caseDir = dir.resolve(mode + "-" + c.line());
        Sandbox bashBox = new Sandbox(caseDir.resolve("bash"));
        Sandbox oasmBox = new Sandbox(caseDir.resolve("oasm"));
        Path root = Files.createDirectories(oasmBox.root().resolve("oasm-root"));
        Files.writeString(root.resolve("shell_profile.yaml"), "prompt: \"{cwd} oasm> \"\n");
        Outcome expected = run(bash(mode, c, bashBox), mode, c, bashBox);
        Outcome actual = run(cockpit(mode, c, oasmBox), mode, c, oasmBox);
        assertAll(mode + " " + c,
                () -> assertEquals(expected.out(), actual.out(), "stdout"),
                () -> assertEquals(expected.status(), actual.status(), "exit status"),
                () -> {
                    if (c.comparesStderr()) {
                        assertEquals(expected.err(), actual.err(), "stderr");
                    }
                },
                () -> assertEquals(expected.files(), actual.files(), "files left in the working folder"));
    }

    private static List<String> bash(Mode mode, DiffCase c, Sandbox box) throws IOException {
        List<String> argv = new ArrayList<>(List.of("bash"));
        switch (mode) {
            case COMMAND_STRING -> argv.addAll(List.of("-c", c.source(), "oasm"));
            case FILE -> argv.add(script(c, box).toString());
            case STDIN -> { }
        }
        if (mode != Mode.STDIN) {
            argv.addAll(c.args());
        }
        return argv;
    }

    private static List<String> cockpit(Mode mode, DiffCase c, Sandbox box) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> argv = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.oasm.cockpit.Main", "--root", box.root().resolve("oasm-root").toString()));
        switch (mode) {
            case COMMAND_STRING -> argv.addAll(List.of("-c", c.source()));
            case FILE -> argv.add(script(c, box).toString());
            case STDIN -> { }
        }
        if (mode != Mode.STDIN) {
            argv.addAll(c.args());
        }
        return argv;
    }

    private static Path script(DiffCase c, Sandbox box) throws IOException {
        Path f = box.root().resolve("case.oasm");
        Files.writeString(f, c.source() + "\n", StandardCharsets.UTF_8);
        return f;
    }

    /** What a run printed and left behind, normalised: the sandbox path and bash's own name. */
    record Outcome(int status, String out, String err, List<String> files) { }

    private static Outcome run(List<String> argv, Mode mode, DiffCase c, Sandbox box)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(box.work().toFile());
        pb.environment().clear();
        pb.environment().putAll(box.environment());
        pb.environment().put("OASM_ROOT", box.root().resolve("oasm-root").toString());
        Path stdin = box.root().resolve("stdin");
        if (mode == Mode.STDIN) {
            Files.writeString(stdin, c.source() + "\n", StandardCharsets.UTF_8);
            pb.redirectInput(stdin.toFile());
        } else if (c.stdin() != null) {
            Files.writeString(stdin, c.stdin(), StandardCharsets.UTF_8);
            pb.redirectInput(stdin.toFile());
        } else {
            pb.redirectInput(new File("/dev/null"));
        }
        Path out = box.root().resolve("stdout");
        Path err = box.root().resolve("stderr");
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(argv.getFirst() + " did not finish within 60 s: " + c);
        }
        String e = box.normalise(Files.readString(err, StandardCharsets.UTF_8)).replaceAll("(?m)^bash: ", "oasm: ");
        return new Outcome(p.exitValue(), box.normalise(Files.readString(out, StandardCharsets.UTF_8)), e,
                box.snapshot());
    }
}
