package org.oasm.substrate.differential;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The substrate against bash: every case of {@code cases.txt} runs through {@code bash -c} and
 * through the substrate, each in its own fresh sandbox seeded with the same files, and the two
 * must agree on stdout, exit status, the files left behind and (unless the case says bash's text
 * is not stable) stderr. Bash runs as {@code bash -c LINE oasm}, so its messages begin with
 * {@code oasm: line 1: } exactly as the substrate's do.
 */
@Execution(ExecutionMode.CONCURRENT)
class DifferentialTest {

    static final String CASES = "/org/oasm/substrate/differential/cases.txt";

    @TempDir
    static Path dir;

    static List<DiffCase> cases() {
        return CaseFile.load(CASES);
    }

    @BeforeAll
    static void needsBash() {
        assumeTrue(Runs.hasBash(), "bash is not installed: nothing to compare with");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void behavesLikeBash(DiffCase c) throws Exception {
        Path caseDir = dir.resolve("case-" + c.line());
        Runs.Outcome reference = Runs.bash(c, new Sandbox(caseDir.resolve("bash")));
        // A script written by one test thread can still be open for writing in a child another
        // thread is forking (ETXTBSY): the reference itself lost that race, so it runs again.
        for (int attempt = 1; attempt < 5 && reference.err().contains("Text file busy"); attempt++) {
            Thread.sleep(50L * attempt);
            reference = Runs.bash(c, new Sandbox(caseDir.resolve("bash-" + attempt)));
        }
        Runs.Outcome expected = reference;
        Runs.Outcome actual = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Runs.substrate(c, new Sandbox(caseDir.resolve("oasm"))));
        assertAll(c.toString(),
                () -> assertEquals(expected.out(), actual.out(), "stdout"),
                () -> assertEquals(expected.status(), actual.status(), "exit status"),
                () -> {
                    if (c.comparesStderr()) {
                        assertEquals(expected.err(), actual.err(), "stderr");
                    }
                },
                () -> assertEquals(expected.files(), actual.files(), "files left in the working folder"));
    }
}
