package org.oasm.cockpit.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitHarness;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code oasm analyze} in a real in-process cockpit: one GraalPy context for the whole class, as a
 * cockpit has. Lineage diffs come from real working-copy commits.
 */
class AnalyzeCommandTest {

    @TempDir
    static Path dir;
    static CockpitHarness cockpit;

    @BeforeAll
    static void start() {
        cockpit = new CockpitHarness(dir, true);
    }

    @AfterAll
    static void stop() {
        cockpit.close();
    }

    @Test
    void usageErrorsAndMissingFiles() throws IOException {
        var noModule = cockpit.run("oasm analyze --file x");
        assertEquals(2, noModule.status());
        assertEquals("oasm analyze: --module is required (analysis_viz, pattern_lab, semi_fixers)\n", noModule.err());
        var unknown = cockpit.run("oasm analyze --module numpy --file x");
        assertEquals(2, unknown.status());
        var missing = cockpit.run("oasm analyze --module pattern_lab --file missing.json");
        assertEquals(1, missing.status());
        assertEquals("oasm: missing.json: no such file or folder\n", missing.err());
    }

    @Test
    void aPythonErrorIsOneLine() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "this is not a diagnostic\n");
        var r = cockpit.run("oasm analyze --module pattern_lab --file notes.txt");
        assertEquals(1, r.status());
        assertEquals("oasm: pattern_lab: ValueError: notes.txt: line 1: expected 'file:line:col severity rule message'\n",
                r.err());
    }

    @Test
    void patternLabWritesRulesAndTheCallIsRecorded() throws IOException {
        Path src = Files.createDirectories(dir.resolve("proj/src"));
        Files.writeString(src.resolve("a.py"), "import os\nos.system('ls')\nx = 1\nos.system(cmd)\n");
        Files.writeString(dir.resolve("proj/lint.txt"),
                "src/a.py:2:1 error py.shell os.system runs a shell\nsrc/a.py:4:1 error py.shell os.system runs a shell\n");
        var r = cockpit.run("cd proj && oasm analyze --module pattern_lab --file lint.txt -o out");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().endsWith("wrote 2 files to out\n"), r.out());
        Path rule = dir.resolve("proj/out/rules/project.py_shell_os_system.yaml");
        JsonNode doc = YAMLMapper.builder().build().readTree(rule.toFile());
        Pattern p = Pattern.compile(doc.path("match").path("regex").asString());
        assertEquals(List.of(true, true, false, true), Files.readAllLines(src.resolve("a.py")).stream()
                .map(l -> p.matcher(l).find() || l.startsWith("import")).toList());
        String record = lastProvenance("lint.txt");
        assertTrue(record.contains("input_sha256: \"" + AnalyzeCommand.sha256(dir.resolve("proj/lint.txt")) + "\""), record);
        assertTrue(record.contains("outputs: \"out/clusters.json,out/rules/project.py_shell_os_system.yaml\""), record);
        assertTrue(record.contains("outcome: \"Success\""), record);
        cockpit.run("cd ..");
    }

    @Test
    void semiFixersGeneralisesWorkingCopyCommits() throws IOException {
        Path proj = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(proj.resolve("a.py"), "def f(x):\n    print x\n    return x\n");
        Files.writeString(proj.resolve("b.py"), "def g(y):\n    if y:\n        print y * 2\n");
        var created = cockpit.run("oasm workcopy create lib");
        assertEquals(0, created.status(), created.err());
        String id = created.out().split("\\s+")[0];
        Path copy = Path.of(created.out().trim().split("\\s+")[1]);
        for (String f : List.of("a.py", "b.py")) {
            Files.writeString(copy.resolve(f), Files.readString(copy.resolve(f)).replaceAll("print (.*)", "print($1)"));
        }
        assertEquals(0, cockpit.run("oasm workcopy commit " + id).status());
        var r = cockpit.run("oasm analyze --module semi_fixers --file root/artifacts/diffs/" + id + "/change.diff -o fix");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("reproduces 2 of 2 exactly"), r.out());
        Path block;
        try (Stream<Path> s = Files.list(dir.resolve("fix"))) {
            block = s.filter(p -> p.toString().endsWith(".yaml")).findFirst().orElseThrow();
        }
        JsonNode edit = YAMLMapper.builder().build().readTree(block.toFile()).path("steps").get(0).path("edit");
        Path before = dir.resolve("root/artifacts/diffs/" + id + "/before");
        for (String f : List.of("a.py", "b.py")) {
            String replayed = Pattern.compile(edit.path("find").asString()).matcher(Files.readString(before.resolve(f)))
                    .replaceAll(edit.path("replace").asString());
            assertEquals(Files.readString(proj.resolve(f)), replayed, f);
        }
    }

    @Test
    void analysisVizPrintsDotOrWritesGraphs() throws IOException {
        Files.writeString(dir.resolve("s.oasm"), "A=1\necho $A > f.txt && cat < f.txt\n");
        var text = cockpit.run("oasm analyze --module analysis_viz --file s.oasm");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().startsWith("digraph \"s.oasm control flow\" {"), text.out());
        var files = cockpit.run("oasm analyze --module analysis_viz --file s.oasm -o graphs");
        assertEquals(0, files.status(), files.err());
        for (String f : List.of("s.oasm.cfg.dot", "s.oasm.cfg.mmd", "s.oasm.dfg.dot", "s.oasm.dfg.mmd")) {
            assertTrue(Files.isRegularFile(dir.resolve("graphs").resolve(f)), f);
        }
        boolean dot = org.oasm.bridge.SvgRenderer.dot().isPresent();
        assertEquals(dot, Files.isRegularFile(dir.resolve("graphs/s.oasm.cfg.svg")));
        assertFalse(files.err().contains("WARNING"), files.err());
    }

    private static String lastProvenance(String input) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("root/logs/provenance"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().reversed()) {
                String text = Files.readString(p);
                if (text.contains("module: \"pattern_lab\"") && text.contains(input) && text.contains("Success")) {
                    return text;
                }
            }
        }
        throw new AssertionError("no provenance record for " + input);
    }
}
