package org.oasm.cockpit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitProcess;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oasm test} in a real cockpit process: on a fresh root the quick suite passes and leaves
 * in the root nothing but its own records (the scratch root is gone); on a root with an invalid
 * command block and a tampered artifact it fails with exit status 1, and the JUnit report and the
 * JSON summary name both failures.
 */
class SelfTestCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** {@code oasm ARGS} with the root and a temporary folder of its own (to see what the scratch root leaves). */
    private CockpitProcess.Finished oasm(Path root, Path tmp, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = CockpitProcess.builder(dir, Map.of("OASM_ROOT", root.toString()), args);
        pb.command().add(1, "-Djava.io.tmpdir=" + tmp);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("oasm test did not end within 120 s");
        }
        return new CockpitProcess.Finished(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    /** The report as the Ant/Surefire JUnit format has it: counts that add up, every case named and timed. */
    static Map<String, Element> checkJunitShape(Document doc) {
        Element suite = doc.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        for (String a : List.of("name", "tests", "failures", "errors", "skipped", "time", "timestamp", "hostname")) {
            assertTrue(suite.hasAttribute(a), "testsuite@" + a);
        }
        assertTrue(suite.getAttribute("time").matches("\\d+\\.\\d{3}"), suite.getAttribute("time"));
        NodeList cases = suite.getElementsByTagName("testcase");
        Map<String, Element> byId = new HashMap<>();
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertEquals(suite, c.getParentNode());
            assertTrue(c.getAttribute("classname").startsWith("oasm.selftest."), c.getAttribute("classname"));
            assertFalse(c.getAttribute("name").isEmpty());
            assertTrue(c.getAttribute("time").matches("\\d+\\.\\d{3}"), c.getAttribute("time"));
            failures += c.getElementsByTagName("failure").getLength();
            errors += c.getElementsByTagName("error").getLength();
            skipped += c.getElementsByTagName("skipped").getLength();
            byId.put(c.getAttribute("classname").substring("oasm.selftest.".length()) + "." + c.getAttribute("name"), c);
        }
        assertEquals(cases.getLength(), Integer.parseInt(suite.getAttribute("tests")));
        assertEquals(failures, Integer.parseInt(suite.getAttribute("failures")));
        assertEquals(errors, Integer.parseInt(suite.getAttribute("errors")));
        assertEquals(skipped, Integer.parseInt(suite.getAttribute("skipped")));
        return byId;
    }

    private static List<String> files(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(p -> out.add(root.relativize(p).toString()));
            }
        }
        return out;
    }

    /** The example session examples/05_selftest.oasm runs the quick suite, as a user would. */
    @Test
    void theQuickSuitePassesOnAFreshRootAndLeavesOnlyItsRecordsAndTheReport() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.oasm.cockpit.examples.Examples.onPath("jq"), "jq is not installed");
        Path root = dir.resolve("root");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path work = Files.createDirectories(dir.resolve("work"));
        var r = oasm(root, tmp, org.oasm.cockpit.examples.Examples.EXAMPLES.resolve("05_selftest.oasm").toString(),
                work.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("pass +templates\\.run\\.fix_unsafe_blocks .*reverted byte for byte")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("skip +python\\.analysis_viz .*full suite only.*")), r.out());
        assertTrue(r.out().contains("quick suite: "), r.out());
        assertTrue(r.out().contains(" 0 failed, 0 errors, "), r.out());
        assertFalse(r.out().contains("\r"), "no progress bar when stdout is not a terminal");
        assertTrue(Pattern.compile("\nTEST-oasm\\.selftest\\.quick\\.xml\noasm-selftest-quick\\.json\n"
                + "quick suite passed: \\d+ passed, 0 failed, \\d+ skipped\n$").matcher(r.out()).find(), r.out());

        Map<String, Element> cases = checkJunitShape(xml(work.resolve("report/TEST-oasm.selftest.quick.xml")));
        for (String id : List.of("installation.manifest", "schemas.command_block", "templates.validate.fix_unsafe_blocks",
                "templates.run.fix_unsafe_blocks", "rules.plan_example_shipped", "store.verify", "convert.round_trip",
                "python.bindings", "records.history_reads_back", "records.valid_against_schemas")) {
            assertTrue(cases.containsKey(id), id + " in " + cases.keySet());
            assertEquals(0, cases.get(id).getElementsByTagName("failure").getLength(), id);
        }
        JsonNode summary = JSON.readTree(work.resolve("report/oasm-selftest-quick.json").toFile());
        assertEquals("passed", summary.path("status").asString());
        assertEquals(cases.size(), summary.path("totals").path("tests").asInt());
        assertEquals("(deleted)", summary.path("properties").path("oasm.scratch_root").asString());

        // the user's root holds the session's execution log and the provenance record of oasm test, nothing else
        List<String> left = files(root);
        assertTrue(left.stream().allMatch(f -> f.matches("logs/execution/(errors_)?[0-9a-f-]{36}\\.log|logs/provenance/[0-9a-f-]{36}_\\d+\\.yaml")),
                left.toString());
        String record = Files.readString(root.resolve(left.stream().filter(f -> f.startsWith("logs/provenance/")).findFirst().orElseThrow()));
        assertTrue(record.contains("command: \"oasm test --suite quick --output " + work.resolve("report") + "\""), record);
        assertTrue(record.contains("suite: \"quick\"") && record.contains("outcome: \"Success\""), record);
        assertTrue(record.contains("failures: \"0\""), record);
        assertEquals(List.of(), files(tmp), "the scratch root is deleted");
    }

    @Test
    void aBrokenInstallationFailsWithStatusOneAndTheReportNamesEachProblem() throws Exception {
        Path root = dir.resolve("root");
        Path blocks = Files.createDirectories(root.resolve("templates/command_blocks/repair"));
        Files.writeString(blocks.resolve("broken_block.yaml"), """
                id: broken_block
                description: A block with a step kind that does not exist.
                kind: repair
                targets: ["**/*.rs"]
                steps:
                  - name: nothing
                    frobnicate: {files: "**/*.rs"}
                """);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("notes.txt"), "one\ntwo\n");
        assertEquals(0, oasm(root, tmp, "store", "put", "notes.txt", "--as", "notes/v1").status());
        Path stored;
        try (Stream<Path> walk = Files.walk(root.resolve("artifacts/hdf5"))) {
            stored = walk.filter(p -> p.toString().endsWith(".h5")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length - 1] ^= 1;
        stored.toFile().setWritable(true);
        Files.write(stored, bytes);

        var r = oasm(root, tmp, "test", "--output", "report");
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("FAIL    templates.validate.broken_block ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("FAIL    store.verify ")), r.out());
        assertTrue(r.out().contains("scratch root kept for a look: "), r.out());

        Map<String, Element> cases = checkJunitShape(xml(dir.resolve("report/TEST-oasm.selftest.quick.xml")));
        Element block = (Element) cases.get("templates.validate.broken_block").getElementsByTagName("failure").item(0);
        assertTrue(block.getAttribute("message").contains("broken_block.yaml"), block.getAttribute("message"));
        Element store = (Element) cases.get("store.verify").getElementsByTagName("failure").item(0);
        assertTrue(store.getAttribute("message").contains(stored.getFileName().toString()), store.getAttribute("message"));
        assertEquals(0, cases.get("installation.manifest").getElementsByTagName("failure").getLength());

        JsonNode summary = JSON.readTree(dir.resolve("report/oasm-selftest-quick.json").toFile());
        assertEquals("failed", summary.path("status").asString());
        List<String> failed = new ArrayList<>();
        summary.path("checks").forEach(c -> {
            if (c.path("status").asString().equals("failed")) {
                failed.add(c.path("id").asString());
            }
        });
        assertTrue(failed.containsAll(List.of("templates.validate.broken_block", "store.verify")), failed.toString());
        String scratch = summary.path("properties").path("oasm.scratch_root").asString();
        assertTrue(scratch.startsWith(tmp.toString()) && Files.isDirectory(Path.of(scratch)), scratch);
    }

    @Test
    void usageErrors() throws Exception {
        Path root = dir.resolve("root");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        var noOutput = oasm(root, tmp, "test", "--suite", "quick");
        assertEquals(2, noOutput.status());
        assertEquals("oasm test: --output DIR is required (where the report goes)\n", noOutput.err());
        var badSuite = oasm(root, tmp, "test", "--suite", "slow", "-o", "x");
        assertEquals(2, badSuite.status());
        assertEquals("oasm test: --suite: expected quick or full, found slow\n", badSuite.err());
        Files.writeString(dir.resolve("afile"), "");
        var notDir = oasm(root, tmp, "test", "-o", "afile");
        assertEquals(1, notDir.status());
        assertEquals("oasm: afile: not a folder\n", notDir.err());
    }
}
