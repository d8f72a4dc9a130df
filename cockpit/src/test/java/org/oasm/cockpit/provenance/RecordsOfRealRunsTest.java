package org.oasm.cockpit.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitProcess;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.schema.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The records that real cockpit processes leave behind, in every way of running it (-c, a session
 * file, stdin, a subcommand), each checked against its schema in the registry.
 */
class RecordsOfRealRunsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static Path root;
    static OasmRoot oasmRoot;
    static String copyId;

    @BeforeAll
    static void runTheCockpitEveryWay() throws Exception {
        root = dir.resolve("root");
        oasmRoot = new OasmRoot(root);
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("notes.txt"), "one\ntwo\n");
        Files.writeString(Files.createDirectories(root).resolve("shell_profile.yaml"), "provenance:\n  cbor: true\n");
        Map<String, String> env = Map.of("OASM_ROOT", root.toString());

        ok(CockpitProcess.run(work, env, "", "-c", "echo a | tr a b | cat; false; oasm store put notes.txt --as notes/v1"));
        Files.writeString(work.resolve("session.oasm"), "echo $1 > out.txt\nls | wc -l\noasm help | grep store\n");
        ok(CockpitProcess.run(work, env, "", "session.oasm", "hello"));
        ok(CockpitProcess.run(work, env, "pwd\nnosuchcommand_xyz\necho done\n"));
        CockpitProcess.Finished created = CockpitProcess.run(work, env, "", "workcopy", "create", "notes.txt");
        ok(created);
        copyId = created.out().split("\\s+")[0];
        Path copy;
        try (Stream<Path> s = Files.walk(oasmRoot.workingCopies().resolve(copyId))) {
            copy = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.writeString(copy, "one\nTWO\nthree\n");
        ok(CockpitProcess.run(work, Map.of("OASM_ROOT", root.toString(), "OASM_AI_MODEL", "test-model",
                "OASM_AI_CONFIDENCE", "0.75"), "", "workcopy", "commit", copyId));
    }

    private static void ok(CockpitProcess.Finished f) {
        assertTrue(f.status() == 0 || f.status() == 127, f.toString());
        assertFalse(f.err().contains("Exception"), f.err());
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void valid(SchemaRegistry registry, JsonNode record, String schema, Object where) {
        List<Violation> v = registry.validate(record, schema);
        assertTrue(v.isEmpty(), where + " against " + schema + ": " + v + "\n" + record);
    }

    @Test
    void everyExecutionRecordValidatesAndEachRunHasItsOwnLog() throws IOException {
        SchemaRegistry registry = SchemaRegistry.open(oasmRoot);
        List<Path> logs = files(oasmRoot.executionLogs(), ".log").stream()
                .filter(p -> !p.getFileName().toString().startsWith("errors_")).toList();
        assertEquals(5, logs.size(), logs.toString());
        Set<String> commands = new HashSet<>();
        for (Path log : logs) {
            long previous = 0;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                JsonNode r = JSON.readTree(line);
                valid(registry, r, "execution_log", log);
                assertTrue(r.get("seq").asLong() > previous, log + ": seq out of order at " + line);
                previous = r.get("seq").asLong();
                commands.add(r.get("command").asString());
            }
        }
        assertTrue(commands.containsAll(List.of("tr a b", "echo a", "cat", "false", "echo $1 > out.txt",
                "nosuchcommand_xyz", "oasm help", "cockpit session ended")), commands.toString());
    }

    @Test
    void failuresGoToTheErrorLogToo() throws IOException {
        List<String> failed = new ArrayList<>();
        for (Path log : files(oasmRoot.executionLogs(), ".log")) {
            if (log.getFileName().toString().startsWith("errors_")) {
                for (String line : Files.readAllLines(log)) {
                    JsonNode r = JSON.readTree(line);
                    assertEquals("Failed", r.get("status").asString(), line);
                    failed.add(r.get("command").asString() + "=" + r.get("exit_status").asInt());
                }
            }
        }
        assertTrue(failed.contains("false=1"), failed.toString());
        assertTrue(failed.contains("nosuchcommand_xyz=127"), failed.toString());
    }

    @Test
    void everyOasmCommandHasAProvenanceRecordInYamlAndCbor() throws IOException {
        SchemaRegistry registry = SchemaRegistry.open(oasmRoot);
        YAMLMapper yaml = YAMLMapper.builder().build();
        CBORMapper cbor = CBORMapper.builder().build();
        List<Path> yamls = files(oasmRoot.provenanceLogs(), ".yaml");
        Set<String> commands = new HashSet<>();
        for (Path p : yamls) {
            JsonNode r = yaml.readTree(p.toFile());
            valid(registry, r, "provenance_log", p);
            assertEquals(p.getFileName().toString(), r.get("cbor_object_id").asString() + ".yaml");
            Path c = p.resolveSibling(r.get("cbor_object_id").asString() + ".cbor");
            JsonNode binary = cbor.readTree(c.toFile());
            valid(registry, binary, "provenance_log", c);
            assertEquals(r.get("seq").asLong(), binary.get("seq").asLong());
            commands.add(r.get("command").asString());
        }
        assertTrue(commands.containsAll(List.of("oasm store put notes.txt --as notes/v1", "oasm help",
                "oasm workcopy create notes.txt", "oasm workcopy commit " + copyId)), commands.toString());
    }

    @Test
    void theCommittedCopyHasALineageRecordInTheChainAndItsDiff() throws IOException {
        SchemaRegistry registry = SchemaRegistry.open(oasmRoot);
        List<Path> records = files(oasmRoot.lineageLogs(), ".json").stream()
                .filter(p -> !p.getFileName().toString().equals("lineage_chain.json")).toList();
        assertEquals(1, records.size(), records.toString());
        JsonNode r = JSON.readTree(records.getFirst().toFile());
        valid(registry, r, "lineage_log", records.getFirst());
        assertEquals("oasm revert --lineage-id " + r.get("lineage_id").asString(), r.get("revert_command").asString());
        assertEquals("AI", r.get("actor").get("type").asString());
        assertEquals("test-model", r.get("actor").get("model").asString());
        assertEquals("oasm workcopy commit " + copyId, r.get("command_executed").asString());
        List<String> chain = Files.readAllLines(oasmRoot.lineageLogs().resolve("lineage_chain.json"));
        assertEquals(1, chain.size());
        valid(registry, JSON.readTree(chain.getFirst()), "json_lineage", "lineage_chain.json");
        String diffId = r.get("diff_id").asString();
        try (Stream<Path> s = Files.walk(oasmRoot.diffs())) {
            assertTrue(s.anyMatch(p -> p.toString().contains(diffId) && p.toString().endsWith(".diff")), diffId);
        }
        JsonNode meta = JSON.readTree(oasmRoot.workingCopyLogs().resolve(copyId + "_metadata.json").toFile());
        valid(registry, meta, "working_copy", copyId);
    }
}
