package org.oasm.cockpit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitHarness;
import org.oasm.cockpit.Samples;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code oasm scan} over the sample sources: findings, the diagnostic index and baselines. */
class ScanCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    CockpitHarness cockpit;
    Path samples;

    @BeforeEach
    void setUp() throws IOException {
        cockpit = new CockpitHarness(dir);
        samples = dir.resolve("samples");
        for (String s : List.of("rust_crate", "python_pkg", "java_app", "node_app", "powershell", "cad")) {
            Samples.copy(s, samples);
        }
        Files.writeString(samples.resolve(".gitignore"), "ignored/\n");
        Files.createDirectories(samples.resolve("ignored"));
        Files.writeString(samples.resolve("ignored/bad.py"), "x == None\n");
        Files.createDirectories(samples.resolve("rust_crate/target/debug"));
        Files.writeString(samples.resolve("rust_crate/target/debug/gen.rs"), "fn f() { unsafe { } }\n");
    }

    @Test
    void theSamplesFindingsAreOnePerLineWithFileLineColumnSeverityRuleAndMessage() throws IOException {
        var r = cockpit.run("cd " + samples + " && oasm scan .");
        assertEquals(1, r.status(), "error findings fail the scan: " + r.err());
        Samples.assertGolden(getClass(), "theSamplesFindingsAreOnePerLineWithFileLineColumnSeverityRuleAndMessage", "txt", r.out());
        assertTrue(r.err().startsWith("scan: 19 file(s), 28 finding(s); index "), "binary STL and files of no language are not counted: " + r.err());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("ignored/") || l.contains("target/")), "git-ignored files are skipped");
    }

    @Test
    void jsonOutputIsTheDiagnosticIndexKeptUnderStructureDebug() throws IOException {
        var r = cockpit.run("oasm scan " + samples.resolve("python_pkg") + " --format json");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err(), "text summary only in text mode");
        JsonNode doc = JSON.readTree(r.out());
        SchemaRegistry schemas = SchemaRegistry.open(new OasmRoot(cockpit.root()));
        assertEquals(List.of(), schemas.validate(doc, "diagnostic_index"));
        List<Path> indexes;
        try (Stream<Path> s = Files.list(cockpit.root().resolve("logs/StructureDebug"))) {
            indexes = s.toList();
        }
        assertEquals(1, indexes.size());
        assertTrue(indexes.getFirst().getFileName().toString().matches("baseline_index_\\d{8}T\\d{9}Z\\.json"), indexes.toString());
        assertEquals(doc, JSON.readTree(indexes.getFirst().toFile()));
        assertEquals(3, doc.path("files_scanned").asInt(), "geometry.py and two test files; pytest.ini has no language");
        assertTrue(doc.path("diagnostics").size() > 5, doc.toString());
        assertEquals(0, doc.path("summary").path("errors").asInt());
    }

    @Test
    void againstABaselineInTheStoreFindingsAreNewUnchangedOrFixed() throws IOException {
        Path py = samples.resolve("python_pkg");
        var first = cockpit.run("oasm scan " + py + " --format json");
        Files.writeString(dir.resolve("baseline.json"), first.out());
        assertEquals(0, cockpit.run("oasm store put " + dir.resolve("baseline.json") + " --as baseline_python/v1").status());
        Path geometry = py.resolve("geometry.py");
        String text = Files.readString(geometry);
        Files.writeString(geometry, "# moved down a line\n" + text.replace("return value == None", "return value is None")
                .replace("except:", "except:\n        print(\"again\" == None)"));
        var r = cockpit.run("oasm scan " + py + " --baseline /artifacts/baseline_python/v1");
        assertEquals(0, r.status(), "no new error: " + r.err());
        Samples.assertGolden(getClass(), "againstABaselineInTheStoreFindingsAreNewUnchangedOrFixed", "txt", r.out());
        assertTrue(r.err().contains("against /artifacts/baseline_python/v1: 1 new, "), r.err());
        var json = cockpit.run("oasm scan " + py + " --baseline baseline_python/v1 --format json");
        JsonNode doc = JSON.readTree(json.out());
        assertEquals(List.of(), SchemaRegistry.open(new OasmRoot(cockpit.root())).validate(doc, "diagnostic_index"));
        assertEquals(1, doc.path("summary").path("new").asInt());
        assertEquals(1, doc.path("summary").path("fixed").asInt());
        assertEquals("/artifacts/baseline_python/v1", doc.path("baseline").asString());
        var notIndex = cockpit.run("oasm store put " + geometry + " --as baseline_bad/v1 && oasm scan " + py + " --baseline baseline_bad/v1");
        assertEquals(1, notIndex.status());
        assertTrue(notIndex.err().startsWith("oasm: /artifacts/baseline_bad/v1: not a diagnostic index"), notIndex.err());
    }

    @Test
    void aMissingPathIsOneLineAndStatusOne() throws IOException {
        var r = cockpit.run("oasm scan nowhere");
        assertEquals(1, r.status());
        assertEquals("oasm: nowhere: no such file or folder\n", r.err());
    }
}
