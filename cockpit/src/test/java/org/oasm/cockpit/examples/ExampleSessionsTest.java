package org.oasm.cockpit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitProcess;
import org.oasm.cockpit.Samples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The session files of {@code examples/}, each run as a user runs it ({@code oasm FILE WORK}) in a
 * real cockpit process on a root of its own: what they print, and the records they leave in the
 * root (execution log, provenance, lineage of the change and of its revert, the store). The
 * self-test session, {@code 05_selftest.oasm}, runs in {@code SelfTestCommandTest}.
 */
class ExampleSessionsTest {

    static final Path EXAMPLES = Examples.EXAMPLES;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern LINEAGE = Pattern.compile("; lineage ([0-9a-f-]{36}); undo with");

    @TempDir
    Path dir;

    private CockpitProcess.Finished session(String file, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        return CockpitProcess.run(dir, Map.of("OASM_ROOT", dir.resolve("root").toString()), "",
                EXAMPLES.resolve(file).toString(), work.toString());
    }

    private List<JsonNode> executionRecords() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir.resolve("root/logs/execution"))) {
            for (Path f : s.filter(p -> !p.getFileName().toString().startsWith("errors_")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    /** The execution record of a command that completed with status 0, or an assertion error. */
    private JsonNode completed(String command) throws IOException {
        return executionRecords().stream().filter(r -> r.path("scope").asString().equals("Command")
                && r.path("status").asString().equals("Completed") && r.path("command").asString().equals(command))
                .findFirst().orElseThrow(() -> new AssertionError("no Completed record of: " + command));
    }

    /** The provenance record of an oasm command (its words as the command got them, variables expanded). */
    private JsonNode provenance(String command) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve("root/logs/provenance"))) {
            for (Path p : s.sorted().toList()) {
                JsonNode record = YAML.readTree(p.toFile());
                if (record.path("command").asString().equals(command)) {
                    return record;
                }
            }
        }
        throw new AssertionError("no provenance record of: " + command);
    }

    @Test
    void substrateBasicsPrintWhatBashPrints() throws Exception {
        assumeTrue(Examples.onPath("bash"), "bash is not installed");
        var cockpit = session("01_substrate_basics.oasm", dir.resolve("a/work"));
        assertEquals(0, cockpit.status(), cockpit.err());
        Files.createDirectories(dir.resolve("b/work"));
        Process bash = new ProcessBuilder("bash", EXAMPLES.resolve("01_substrate_basics.oasm").toString(), dir.resolve("b/work").toString())
                .directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(bash.getInputStream().readAllBytes());
        String err = new String(bash.getErrorStream().readAllBytes());
        assertEquals(0, bash.waitFor());
        assertEquals(out, cockpit.out());
        assertEquals(err, cockpit.err());
        assertTrue(cockpit.out().contains("GAMMA\nEPSILON\nDELTA\nALPHA BETA\n"), cockpit.out());
        assertTrue(cockpit.out().contains("a child program sees: hello from the cockpit\n"), cockpit.out());
        JsonNode pipe = completed("cat notes/a.txt notes/b.txt | tr a-z A-Z | sort -r");
        assertEquals(0, pipe.path("exit_status").asInt());
        assertEquals(1, executionRecords().stream().filter(r -> r.path("scope").asString().equals("Stage")
                && r.path("status").asString().equals("Failed") && r.path("command").asString().equals("ls notes/missing.txt 2> errors.txt")
                && r.path("exit_status").asInt() == 2).count(), "the failing ls is recorded as a failed stage with its status");
    }

    @Test
    void aRepairIsCommittedReadBackAndRevertedByteForByte() throws Exception {
        assumeTrue(Examples.onPath("jq"), "jq is not installed");
        Path work = dir.resolve("work");
        var r = session("02_repair_and_revert.oasm", work);
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("dry run: nothing was written\n"), r.out());
        assertTrue(r.out().contains("committed 1 file(s) to " + work.resolve("project/src")), r.out());
        assertTrue(r.out().contains("\n2\n-- its lineage record\noasm execute --template fix_unsafe_blocks --target src --yes\n"
                + "changed buffer.rs: sha256 "), r.out());
        assertTrue(r.out().contains("restored buffer.rs\n"), r.out());
        assertTrue(r.out().endsWith("\n0\nthe project is byte for byte as shipped\n"), r.out());
        Matcher m = LINEAGE.matcher(r.out());
        assertTrue(m.find(), r.out());
        String change = m.group(1);
        assertTrue(m.find(), r.out());
        String revert = m.group(1);

        JsonNode changed = JSON.readTree(dir.resolve("root/logs/lineage/" + change + ".json").toFile());
        assertEquals("oasm execute --template fix_unsafe_blocks --target src --yes", changed.path("command_executed").asString());
        assertEquals("buffer.rs", changed.path("changed_files").get(0).path("path").asString());
        JsonNode reverted = JSON.readTree(dir.resolve("root/logs/lineage/" + revert + ".json").toFile());
        assertEquals(change, reverted.path("parent_lineage_id").asString());
        assertEquals("oasm revert --lineage-id " + change, reverted.path("command_executed").asString());

        JsonNode record = provenance("oasm execute --template fix_unsafe_blocks --target src --yes");
        assertEquals(change, record.path("context").path("lineage_id").asString());
        assertEquals("Success", record.path("outcome").asString());
        assertEquals(1, record.path("impact").path("files_changed").asInt());
        assertEquals(2, record.path("impact").path("lines_added").asInt());
        assertEquals("Success", provenance("oasm revert --lineage-id " + change).path("outcome").asString());
        assertEquals(0, completed("oasm revert --lineage-id \"$LINEAGE\"").path("exit_status").asInt());
        Samples.assertSameTree(Samples.tree(EXAMPLES.resolve("sample_project")), Samples.tree(work.resolve("project")));
    }

    @Test
    void theAnalysisModulesDrawGraphsAndSuggestRules() throws Exception {
        assumeTrue(Examples.onPath("jq"), "jq is not installed");
        Path work = dir.resolve("work");
        var r = session("03_analyze.oasm", work);
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("stats.py: control flow "), r.out());
        assertTrue(r.out().contains("\n2\nscan found 7 findings\n"), r.out());
        assertTrue(r.out().contains("rules suggested"), r.out());
        for (String f : List.of("graphs/stats.py.cfg.dot", "graphs/stats.py.dfg.mmd", "suggestions/clusters.json",
                "suggestions/rules/project.unsafe_blocks_require_comment_unsafe.yaml")) {
            assertTrue(Files.isRegularFile(work.resolve(f)), f);
        }
        Path stats = EXAMPLES.resolve("sample_project/tools/stats.py");
        JsonNode viz = provenance("oasm analyze --module analysis_viz --file " + stats + " -o graphs");
        assertEquals("Success", viz.path("outcome").asString());
        assertEquals("analysis_viz", viz.path("context").path("module").asString());
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(stats)));
        assertEquals(sha, viz.path("context").path("input_sha256").asString());
        assertEquals("pattern_lab", provenance("oasm analyze --module pattern_lab --file scan.json -o suggestions")
                .path("context").path("module").asString());
    }

    @Test
    void aDocumentGoesThroughEveryFormatAndTheStoreUnchanged() throws Exception {
        assumeTrue(Examples.onPath("jq"), "jq is not installed");
        Path work = dir.resolve("work");
        var r = session("04_formats_and_store.oasm", work);
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().startsWith("YAML -> CBOR -> HDF5 -> JSON: the same document\nstored /artifacts/measurements/v1.0 "), r.out());
        assertTrue(r.out().contains("\n/artifacts/measurements/v1.0\nstore verified: 1 artifacts intact\n"
                + "store get gives back the bytes stored\n1\ndiscarded wc_"), r.out());
        try (Stream<Path> s = Files.walk(dir.resolve("root/artifacts/hdf5/baselines"))) {
            assertEquals(1, s.filter(p -> p.toString().endsWith(".h5")).count());
        }
        assertEquals("/artifacts/measurements/v1.0", provenance("oasm store put m.h5 --as measurements/v1.0 --category baselines")
                .path("hdf5_reference").asString());
        Path metadata;
        try (Stream<Path> s = Files.list(dir.resolve("root/logs/working_copies"))) {
            metadata = s.findFirst().orElseThrow();
        }
        JsonNode copy = JSON.readTree(metadata.toFile());
        assertEquals("/artifacts/measurements/v1.0", copy.path("source").asString());
        assertEquals("discarded", copy.path("state").asString(), "the working copy's metadata says it was discarded");
    }
}
