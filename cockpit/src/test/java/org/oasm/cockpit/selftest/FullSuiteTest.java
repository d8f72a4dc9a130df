package org.oasm.cockpit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.store.ArtifactStore;
import org.w3c.dom.Element;

/**
 * What the full suite adds to the quick one, in process: every Python module runs through
 * GraalPy on its sample, the store's tamper check catches a changed byte, and the records are
 * valid; the progress reaches every check in order. The command blocks the full suite adds start
 * pytest or python3, which costs a busy build machine tens of seconds; ShippedTemplatesTest runs
 * each of them on its real project, and {@code bench/selftest/} runs the whole full suite.
 */
class FullSuiteTest {

    private static final List<String> GROUPS = List.of("python.", "store.", "records.");

    @TempDir
    Path dir;

    @Test
    void everyCheckPassesOrSaysWhyItCannotRunHere() throws Exception {
        OasmRoot root = new OasmRoot(dir.resolve("root")).create();
        List<String> started = new ArrayList<>();
        List<CheckResult> finished = new ArrayList<>();
        SelfTest.Report report = new SelfTest(root, new ArtifactStore(root), Suite.FULL, false, false)
                .only(id -> GROUPS.stream().anyMatch(id::startsWith)).run(new SelfTest.Progress() {
            @Override
            public void started(int index, int total, String id) {
                assertEquals(started.size(), index);
                started.add(id);
            }

            @Override
            public void finished(int index, int total, CheckResult result) {
                assertEquals(started.get(index), result.id());
                finished.add(result);
            }
        });
        String failures = report.results().stream().filter(r -> r.status() == CheckResult.Status.FAILED
                || r.status() == CheckResult.Status.ERROR).map(r -> r.id() + ": " + r.message() + "\n" + r.detail())
                .collect(Collectors.joining("\n"));
        assertTrue(report.passed(), failures);
        assertEquals(report.results(), finished);
        Map<String, CheckResult> byId = report.results().stream().collect(Collectors.toMap(CheckResult::id, r -> r));
        for (String id : List.of("python.bindings", "python.analysis_viz", "python.pattern_lab", "python.semi_fixers",
                "store.verify", "store.round_trip", "store.tamper_detected", "records.history_reads_back",
                "records.valid_against_schemas")) {
            assertEquals(CheckResult.Status.PASSED, byId.get(id).status(), id + ": " + byId.get(id).message());
        }
        for (CheckResult r : report.results()) {
            if (r.status() == CheckResult.Status.SKIPPED) {
                assertTrue(r.message().startsWith("needs "), r.id() + " is skipped in the full suite: " + r.message());
            }
        }

        assertEquals(null, report.scratch());

        List<Path> files = ReportFiles.write(report, dir.resolve("out"));
        Map<String, Element> cases = SelfTestCommandTest.checkJunitShape(SelfTestCommandTest.xml(files.get(0)));
        assertEquals(byId.keySet(), cases.keySet());
        assertTrue(Files.readString(files.get(1)).contains("\"suite\" : \"full\""));
    }
}
