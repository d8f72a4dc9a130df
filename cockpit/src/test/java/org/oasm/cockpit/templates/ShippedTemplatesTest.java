package org.oasm.cockpit.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitHarness;
import org.oasm.cockpit.Samples;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every shipped command block on the sample sources: the repair blocks' committed diffs are
 * golden, a second run changes nothing, and the revert gives back every byte; the lint blocks'
 * findings are golden; the test blocks run the real tools (skipped with a reason where a tool is
 * missing); the CAD blocks check real meshes and parts and write a STEP file.
 */
class ShippedTemplatesTest {

    private static final Pattern LINEAGE = Pattern.compile("; lineage ([0-9a-f-]{36}); undo with");

    @TempDir
    Path dir;
    CockpitHarness cockpit;

    @BeforeEach
    void setUp() {
        cockpit = new CockpitHarness(dir, true);
    }

    @AfterEach
    void tearDown() {
        cockpit.close();
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private CockpitHarness.Result execute(String template, Path target, String... params) throws IOException {
        StringBuilder line = new StringBuilder("oasm execute --template " + template + " --target " + target + " --yes");
        for (String p : params) {
            line.append(" --param '").append(p).append("'");
        }
        return cockpit.run(line.toString());
    }

    /** The diff the commit recorded (artifacts/diffs/{copy}/change.diff), with paths relative to the target. */
    private String committedDiff(CockpitHarness.Result r) throws IOException {
        Matcher m = LINEAGE.matcher(r.out());
        assertTrue(m.find(), r.out() + r.err());
        var record = JsonMapper.builder().build().readTree(cockpit.root().resolve("logs/lineage/" + m.group(1) + ".json").toFile());
        return Files.readString(cockpit.root().resolve("artifacts/diffs/" + record.path("diff_id").asString() + "/change.diff"));
    }

    private static String lineage(CockpitHarness.Result r) {
        Matcher m = LINEAGE.matcher(r.out());
        assertTrue(m.find(), r.out());
        return m.group(1);
    }

    /** Runs a repair block: golden diff, nothing more to do the second time, revert restores every byte. */
    private void repair(String template, String method, Path target, String... params) throws IOException {
        Map<String, byte[]> before = Samples.tree(target);
        var r = execute(template, target, params);
        assertEquals(0, r.status(), r.out() + r.err());
        Samples.assertGolden(getClass(), method, "diff", committedDiff(r));
        var again = execute(template, target, params);
        assertEquals(0, again.status(), again.out() + again.err());
        assertTrue(again.out().contains("nothing to commit: " + template + " changed no file"), again.out());
        var revert = cockpit.run("oasm revert --lineage-id " + lineage(r));
        assertEquals(0, revert.status(), revert.err());
        Samples.assertSameTree(before, Samples.tree(target));
    }

    @Test
    void fixUnsafeBlocksDocumentsEveryUnsafeBlockOfTheCrate() throws IOException {
        repair("fix_unsafe_blocks", "fixUnsafeBlocksDocumentsEveryUnsafeBlockOfTheCrate", Samples.copy("rust_crate", dir));
    }

    @Test
    void addErrorHandlingInRustPythonAndJava() throws IOException {
        Path all = dir.resolve("all");
        Samples.copy("rust_crate", all);
        Samples.copy("python_pkg", all);
        Samples.copy("java_app", all);
        repair("add_error_handling", "addErrorHandlingInRustPythonAndJava", all, "message=the text is checked by the caller");
    }

    @Test
    void fixImportsSortsAndDeduplicatesRustPythonAndJavaImports() throws IOException {
        Path all = dir.resolve("all");
        Samples.copy("rust_crate", all);
        Samples.copy("python_pkg", all);
        Samples.copy("java_app", all);
        repair("fix_imports", "fixImportsSortsAndDeduplicatesRustPythonAndJavaImports", all);
    }

    @Test
    void addLoggingGivesEveryPythonFunctionADebugLine() throws IOException {
        repair("add_logging", "addLoggingGivesEveryPythonFunctionADebugLine", Samples.copy("python_pkg", dir));
    }

    /** The findings a lint block printed (its indented lines), which make it fail. */
    private String lint(String template, Path target) throws IOException {
        var r = execute(template, target);
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.err().contains("oasm: execute: step "), r.err());
        return r.out().lines().filter(l -> l.startsWith("  ") && (l.contains(" warning ") || l.contains(" error ")))
                .map(String::strip).collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void lintBlocksReportTheirRulesFindingsAndChangeNothing() throws IOException {
        Path all = dir.resolve("all");
        for (String s : new String[] {"rust_crate", "python_pkg", "java_app", "node_app", "powershell"}) {
            Samples.copy(s, all);
        }
        Map<String, byte[]> before = Samples.tree(all);
        Samples.assertGolden(getClass(), "checkFormatting", "txt", lint("check_formatting", all));
        Samples.assertGolden(getClass(), "unusedVariables", "txt", lint("unused_variables", all));
        Samples.assertGolden(getClass(), "deprecatedApis", "txt", lint("deprecated_apis", all));
        Samples.assertSameTree(before, Samples.tree(all));
        var clean = execute("check_formatting", Samples.copy("cad", dir));
        assertEquals(0, clean.status(), clean.out() + clean.err());
    }

    @Test
    void unitTestRunnerRunsEachProjectsOwnTestTool() throws IOException {
        record Project(String sample, String tool, String step) {
        }
        int ran = 0;
        for (Project p : new Project[] {new Project("rust_crate", "cargo", "cargo_test"), new Project("python_pkg", "pytest", "pytest"),
                new Project("java_app", "mvn", "maven_test"), new Project("node_app", "npm", "npm_test")}) {
            if (!onPath(p.tool())) {
                continue;
            }
            Path target = Samples.copy(p.sample(), dir.resolve("unit"));
            Map<String, byte[]> before = Samples.tree(target);
            var r = execute("unit_test_runner", target);
            assertEquals(0, r.status(), r.out() + r.err());
            assertTrue(Pattern.compile("step \\d/5 " + p.step() + " \\(run\\): passed; exit status 0").matcher(r.out()).find(), r.out());
            assertTrue(r.out().contains("nothing to commit"), r.out());
            Samples.assertSameTree(before, Samples.tree(target));
            ran++;
        }
        assumeTrue(ran > 0, "none of cargo, pytest, mvn, npm is installed");
        Path failing = Samples.copy("python_pkg", dir.resolve("failing"));
        assumeTrue(onPath("pytest"), "pytest is not installed");
        Files.writeString(failing.resolve("test_geometry.py"), "\n\ndef test_wrong():\n    assert 1 == 2\n", java.nio.file.StandardOpenOption.APPEND);
        var r = execute("unit_test_runner", failing);
        assertEquals(1, r.status());
        assertTrue(r.err().contains("step 3 'pytest' failed: exit status 1, expected 0; the working copy was discarded"), r.err());
    }

    @Test
    void aProjectWhoseToolIsMissingFailsNamingTheTool() throws IOException {
        Path target = Samples.copy("rust_crate", dir);
        var r = cockpit.run("PATH=/nonexistent oasm execute --template unit_test_runner --target " + target + " --yes");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("step 2 'cargo_test' failed: needs cargo, which is not installed (not found on PATH)"), r.err());
        var none = execute("unit_test_runner", Samples.copy("cad", dir));
        assertEquals(1, none.status());
        assertTrue(none.err().contains("no test setup found"), none.err());
    }

    @Test
    void integrationTestRunsOnlyTheIntegrationSuites() throws IOException {
        assumeTrue(onPath("pytest") && onPath("npm"), "pytest or npm is not installed");
        var py = execute("integration_test", Samples.copy("python_pkg", dir));
        assertEquals(0, py.status(), py.out() + py.err());
        assertTrue(py.out().contains("step 3/5 pytest_integration (run): passed"), py.out());
        assertTrue(py.out().contains("1 passed"), "only the integration test ran: " + py.out());
        var node = execute("integration_test", Samples.copy("node_app", dir));
        assertEquals(0, node.status(), node.out() + node.err());
        assertTrue(node.out().contains("step 5/5 npm_integration (run): passed"), node.out());
        assertTrue(node.out().contains("# tests 1"), node.out());
    }

    /** Whether {@code python3 -c CODE} succeeds (a module is importable). */
    static boolean python(String code) {
        try {
            Process p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void coverageCheckMeasuresPythonLinesAgainstTheMinimum() throws IOException {
        assumeTrue(python("import pytest"), "python3 with pytest is not installed (the sample's tests are pytest functions)");
        Path target = Samples.copy("python_pkg", dir);
        var ok = execute("coverage_check", target);
        assertEquals(0, ok.status(), ok.out() + ok.err());
        assertTrue(ok.out().contains("geometry.py"), ok.out());
        assertTrue(ok.out().matches("(?s).*line coverage \\d+\\.\\d% of \\d+ lines \\(minimum 80\\.0%\\).*"), ok.out());
        var strict = execute("coverage_check", target, "min_percent=100");
        assertEquals(1, strict.status(), strict.out());
        assertTrue(strict.out().contains("(minimum 100.0%)"), strict.out());
        if (!onPath("cargo-llvm-cov")) {
            var rust = execute("coverage_check", Samples.copy("rust_crate", dir));
            assertEquals(1, rust.status());
            assertTrue(rust.err().contains("needs cargo-llvm-cov, which is not installed"), rust.err());
        }
    }

    @Test
    void topologyValidationTellsWatertightAndManifoldMeshesFromBrokenOnes() throws IOException {
        assumeTrue(onPath("python3"), "python3 is not installed");
        Path cad = Samples.copy("cad", dir);
        var r = execute("topology_validation", cad);
        assertEquals(1, r.status(), "three of the four meshes are broken");
        Samples.assertGolden(getClass(), "topologyValidation", "txt",
                r.out().lines().filter(l -> l.contains(".stl: ")).collect(Collectors.joining("\n", "", "\n")));
        var cube = execute("topology_validation", cad.resolve("cube.stl"));
        assertEquals(0, cube.status(), cube.out() + cube.err());
    }

    @Test
    void parametricConstraintChecksEachPartAndTriesOtherValues() throws IOException {
        assumeTrue(python("import yaml"), "python3 with PyYAML is not installed");
        Path cad = Samples.copy("cad", dir);
        var good = execute("parametric_constraint", cad.resolve("bracket.part.yaml"));
        assertEquals(0, good.status(), good.out() + good.err());
        var tried = execute("parametric_constraint", cad, "values=height=4");
        assertEquals(1, tried.status());
        Samples.assertGolden(getClass(), "parametricConstraint", "txt",
                tried.out().lines().filter(l -> l.contains(".part.yaml (") || l.startsWith("  ok") || l.startsWith("  FAIL"))
                        .collect(Collectors.joining("\n", "", "\n")));
        var unknown = execute("parametric_constraint", cad, "values=depth=1");
        assertEquals(1, unknown.status());
        assertTrue(unknown.out().contains("no parameter depth") || unknown.err().contains("no parameter depth"), unknown.out() + unknown.err());
    }

    @Test
    void exportStepWritesTheBoxAsAp214NextToThePart() throws IOException {
        assumeTrue(python("import yaml"), "python3 with PyYAML is not installed");
        Path cad = Samples.copy("cad", dir);
        Files.delete(cad.resolve("thin_bracket.part.yaml"));
        var r = execute("export_step", cad);
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("test 1/1 step_files_well_formed (scan): passed"), r.out());
        String step = Files.readString(cad.resolve("bracket.step"));
        Samples.assertGolden(getClass(), "exportStep", "step",
                step.replaceFirst("'\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d'", "'TIME'"));
        String diff = committedDiff(r);
        assertTrue(diff.startsWith("--- /dev/null\n+++ b/bracket.step\n"), diff);
        var revert = cockpit.run("oasm revert --lineage-id " + lineage(r));
        assertEquals(0, revert.status(), revert.err());
        assertTrue(Files.notExists(cad.resolve("bracket.step")), "the revert deletes the file the export added");
    }
}
