package org.oasm.formats.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.provenance.ExecutionEvent.Scope;
import org.oasm.formats.provenance.ExecutionEvent.Status;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.JsonNode;

class HistoryQueryTest {

    static final UUID FIRST = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID SECOND = UUID.fromString("22222222-2222-4222-8222-222222222222");

    @TempDir
    Path dir;
    OasmRoot root;
    HistoryQuery query;

    /** Two runs, one after the other: 10 commands each, every third one failing. */
    @BeforeEach
    void twoRuns() throws Exception {
        root = new OasmRoot(dir);
        StepClock clock = new StepClock("2026-01-01T00:00:00Z", Duration.ofSeconds(1));
        for (UUID run : List.of(FIRST, SECOND)) {
            try (ExecutionLog log = ExecutionLog.open(root, clock, () -> run, true)) {
                Actor actor = run == FIRST ? new Actor.Human("ada") : new Actor.AI("m-1", 0.9);
                for (int i = 0; i < 10; i++) {
                    ExecutionEvent start = ExecutionEvent.started(Scope.Command, actor, "/w", "make target" + i);
                    long seq = log.append(start);
                    log.append(start.finished(seq, i % 3 == 0 ? Status.Failed : Status.Completed, i % 3 == 0 ? 2 : 0, 5));
                }
            }
        }
        // The file times say which run wrote last, as they would have without the test clock.
        Path execution = root.executionLogs();
        for (String prefix : List.of("", "errors_")) {
            Files.setLastModifiedTime(execution.resolve(prefix + FIRST + ".log"), FileTime.from(Instant.parse("2026-01-01T00:00:20Z")));
            Files.setLastModifiedTime(execution.resolve(prefix + SECOND + ".log"), FileTime.from(Instant.parse("2026-01-01T00:00:40Z")));
        }
        query = new HistoryQuery(root);
    }

    @Test
    void theLimitKeepsTheLastMatchesInTimeOrder() {
        List<JsonNode> last = query.executions(HistoryFilter.last(3));
        assertEquals(List.of(18L, 19L, 20L), last.stream().map(r -> r.get("seq").asLong()).toList());
        assertTrue(last.stream().allMatch(r -> r.get("run_id").asString().equals(SECOND.toString())));

        List<JsonNode> across = query.executions(HistoryFilter.last(25));
        assertEquals(25, across.size());
        assertEquals(FIRST.toString(), across.getFirst().get("run_id").asString());
        assertEquals(16L, across.getFirst().get("seq").asLong());
    }

    @Test
    void filtersCombine() {
        assertEquals(20, query.executions(HistoryFilter.last(100).run(FIRST.toString())).size());
        List<JsonNode> failed = query.executions(HistoryFilter.last(100).status("Failed"));
        assertEquals(8, failed.size());
        assertTrue(failed.stream().allMatch(r -> r.get("exit_status").asInt() == 2));
        assertEquals(4, query.executions(HistoryFilter.last(100).status("Failed").actor("ada")).size());
        assertEquals(20, query.executions(HistoryFilter.last(100).actor("AI")).size());
        assertEquals(20, query.executions(HistoryFilter.last(100).actor("human")).size());
        assertEquals(20, query.executions(HistoryFilter.last(100).actor("AI:m-1")).size());
        assertEquals(0, query.executions(HistoryFilter.last(100).actor("bob")).size());
        assertEquals(4, query.executions(HistoryFilter.last(100).text("target3")).size());
        List<JsonNode> window = query.executions(HistoryFilter.last(100)
                .between(Instant.parse("2026-01-01T00:00:05Z"), Instant.parse("2026-01-01T00:00:07Z")));
        assertEquals(List.of(6L, 7L, 8L), window.stream().map(r -> r.get("seq").asLong()).toList());
        assertEquals(List.of(), query.executions(HistoryFilter.last(5).run(UUID.randomUUID().toString())));
    }

    @Test
    void aBadRunIdIsAUsageError() {
        OasmException e = assertThrows(OasmException.class,
                () -> query.executions(HistoryFilter.last(5).run("../../etc/passwd")));
        assertEquals(OasmException.USAGE, e.exitStatus());
    }

    @Test
    void table(TestInfo info) throws Exception {
        Golden.assertMatches(info, "txt", HistoryRenderer.executionTable(query.executions(HistoryFilter.last(4))));
    }

    @Test
    void lineageTable(TestInfo info) throws Exception {
        StepClock clock = new StepClock("2026-01-03T00:00:00Z", Duration.ofMinutes(1));
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        LineageWriter writer = new LineageWriter(root, clock,
                () -> UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n.incrementAndGet())));
        String first = writer.write(new LineageChange(FIRST, 4, new Actor.Human("ada"), null, "removed unused imports",
                "lint", "oasm execute --template repair.rust.unused_imports --target src", null, null, null, null,
                null, null)).lineageId();
        String second = writer.write(new LineageChange(FIRST, 9, new Actor.Automation("rust.fmt"), first,
                "formatted", "style", "oasm execute --template lint.rust.fmt --target src", null, null, null, null,
                null, null)).lineageId();
        Golden.assertMatches(info, "txt", HistoryRenderer.lineageTable(query.lineage(second)));
    }

    @Test
    void lineageShowsTheRecordAndItsWholeChain() {
        StepClock clock = new StepClock("2026-01-02T00:00:00Z", Duration.ofSeconds(1));
        LineageWriter writer = new LineageWriter(root, clock, UUID::randomUUID);
        String parent = null;
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Actor actor = i % 2 == 0 ? new Actor.Human("ada") : new Actor.Automation("fix" + i);
            parent = writer.write(new LineageChange(FIRST, i + 1, actor, parent, "step " + i, "test", "oasm x",
                    null, null, null, null, null, null)).lineageId();
            ids.add(parent);
        }
        List<JsonNode> chain = query.lineage(ids.get(2));
        assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)),
                chain.stream().map(r -> r.get("lineage_id").asString()).toList());
        JsonNode last = query.lineage(ids.get(3)).getFirst();
        assertEquals(ids.subList(0, 3).toString(), last.at("/provenance/lineage_chain").valueStream()
                .map(JsonNode::asString).toList().toString());
        assertEquals(3, last.at("/provenance/actor_chain").size());
        OasmException missing = assertThrows(OasmException.class, () -> query.lineage(UUID.randomUUID().toString()));
        assertTrue(missing.getMessage().endsWith(": no such lineage record"), missing.getMessage());
    }
}
