package org.oasm.formats.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.provenance.ExecutionEvent.ProcessStats;
import org.oasm.formats.provenance.ExecutionEvent.Scope;
import org.oasm.formats.provenance.ExecutionEvent.Status;
import org.oasm.formats.provenance.LineageChange.ChangedFile;
import org.oasm.formats.provenance.LineageChange.TestResult;
import org.oasm.formats.provenance.LineageChange.TestStatus;
import org.oasm.formats.provenance.ProvenanceRecord.Impact;
import org.oasm.formats.provenance.ProvenanceRecord.LossySubstitution;
import org.oasm.formats.provenance.ProvenanceRecord.Outcome;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Every kind of record the writers produce validates against its schema. */
class RecordSchemasTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T08:00:00.125Z"), ZoneOffset.UTC);
    static final UUID RUN = UUID.fromString("0b6f6c1e-8f5e-4a47-9a5e-2b1d4c3e5f60");
    static SchemaRegistry registry;

    @BeforeAll
    static void registry() {
        registry = SchemaRegistry.open(new OasmRoot(Path.of("").toAbsolutePath().getParent()));
    }

    @Test
    void executionRecordsOfEveryShape(@TempDir Path dir) throws Exception {
        ExecutionLog log = ExecutionLog.open(new OasmRoot(dir), CLOCK, () -> RUN, true);
        ExecutionEvent session = ExecutionEvent.started(Scope.Session, Actor.SYSTEM, "/home/ada", null);
        long s = log.append(session);
        ExecutionEvent command = ExecutionEvent.started(Scope.Command, new Actor.Human("ada"), "/home/ada",
                "ls -l | wc -l").withContext(Map.of("API_TOKEN", "abc", "term", "xterm"));
        long c = log.append(command);
        ExecutionEvent stage = ExecutionEvent.started(Scope.Stage, new Actor.AI("a-model", 0.75), "/home/ada", "wc -l")
                .withParent(c);
        long st = log.append(stage);
        log.append(stage.finished(st, Status.Completed, 0, 3)
                .withProcess(new ProcessStats(4242, 12.5, 80.0, 2L)));
        log.append(command.finished(c, Status.Failed, 1, 4));
        log.append(ExecutionEvent.started(Scope.Command, new Actor.Automation("repair.rust.unused"), "/", "sleep 9")
                .finished(9, Status.Cancelled, 130, 5));
        log.append(session.finished(s, Status.Completed, 0, 10));
        log.close();
        List<String> lines = Files.readAllLines(log.file());
        assertEquals(7, lines.size());
        for (String line : lines) {
            assertEquals(List.of(), registry.validate(Records.JSON.readTree(line), "execution_log"), line);
        }
        assertEquals(1, Files.readAllLines(log.errorFile()).size());
    }

    @Test
    void provenanceRecordsAsYamlAndCbor(@TempDir Path dir) throws Exception {
        ProvenanceWriter writer = new ProvenanceWriter(new OasmRoot(dir), CLOCK, true);
        Path yaml = writer.write(new ProvenanceRecord(RUN, 7, new Actor.Human("ada"), LogLevel.Info,
                "repair.rust.unused_imports", "oasm execute --template repair.rust.unused_imports --target src",
                "templates/repair_rust/v1.0", Outcome.PartialSuccess,
                new Impact(2, 10, 4, 3, List.of("core", "cli")), Map.of("rustc", "1.91.0"),
                "sha256:" + "ab".repeat(32),
                List.of(new LossySubstitution("/data/0", "NaN", "null", "JSON has no NaN")), Map.of()));
        assertEquals(RUN + "_7.yaml", yaml.getFileName().toString());
        JsonNode fromYaml = YAMLMapper.builder().build().readTree(yaml.toFile());
        assertEquals(List.of(), registry.validate(fromYaml, "provenance_log"));
        JsonNode fromCbor = CBORMapper.builder().build().readTree(dir.resolve("logs/provenance/" + RUN + "_7.cbor").toFile());
        assertEquals(fromYaml, fromCbor);
        assertEquals(RUN + "_7", fromYaml.get("cbor_object_id").asString());
    }

    @Test
    void lineageRecordsAndTheirChain(@TempDir Path dir) throws Exception {
        OasmRoot root = new OasmRoot(dir);
        LineageWriter writer = new LineageWriter(root, CLOCK, UUID::randomUUID);
        LineageWriter.Written first = writer.write(new LineageChange(RUN, 3, new Actor.Human("ada"), null,
                "removed unused imports", "lint clean-up", "oasm execute --template x --target src", dir, null,
                List.of(new ChangedFile("src/a.rs", "0".repeat(64), "1".repeat(64))),
                List.of(new TestResult("cargo test", TestStatus.Passed, 1200L)), "templates/x/v1", RUN + "_3"));
        LineageWriter.Written second = writer.write(new LineageChange(RUN, 9, new Actor.Automation("fix"),
                first.lineageId(), "renamed", "consistency", "oasm execute --template y", dir, "diff-1", null, null,
                null, null));
        for (LineageWriter.Written written : List.of(first, second)) {
            JsonNode onDisk = Records.JSON.readTree(written.file().toFile());
            assertEquals(List.of(), registry.validate(onDisk, "lineage_log"));
        }
        for (String line : Files.readAllLines(root.lineageLogs().resolve(LineageWriter.CHAIN_FILE))) {
            assertEquals(List.of(), registry.validate(Records.JSON.readTree(line), "json_lineage"), line);
        }
    }
}
