package org.oasm.formats.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.provenance.ExecutionEvent.Scope;
import org.oasm.formats.provenance.ExecutionEvent.Status;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class OpenLineageEventsTest {

    /** A session running {@code ls | wc -l} (which fails), written and read back as a cockpit would. */
    @Test
    void sessionCommandAndStages(TestInfo info, @TempDir Path dir) throws Exception {
        UUID run = UUID.fromString("0b6f6c1e-8f5e-4a47-9a5e-2b1d4c3e5f60");
        StepClock clock = new StepClock("2026-01-01T12:00:00Z", Duration.ofMillis(250));
        ExecutionLog log = ExecutionLog.open(new OasmRoot(dir), clock, () -> run, true);
        Actor ada = new Actor.Human("ada");
        ExecutionEvent session = ExecutionEvent.started(Scope.Session, Actor.SYSTEM, "/home/ada", null);
        long s = log.append(session);
        ExecutionEvent line = ExecutionEvent.started(Scope.Command, ada, "/home/ada", "ls | wc -l");
        long c = log.append(line);
        ExecutionEvent ls = ExecutionEvent.started(Scope.Stage, ada, "/home/ada", "ls").withParent(c);
        long l = log.append(ls);
        ExecutionEvent wc = ExecutionEvent.started(Scope.Stage, ada, "/home/ada", "wc -l").withParent(c);
        long w = log.append(wc);
        log.append(ls.finished(l, Status.Completed, 0, 250));
        log.append(wc.finished(w, Status.Failed, 1, 500));
        log.append(line.finished(c, Status.Failed, 1, 1000));
        log.append(session.finished(s, Status.Completed, 0, 2000));
        log.close();

        List<JsonNode> records = Files.readAllLines(log.file()).stream().map(Records.JSON::readTree).toList();
        var events = new OpenLineageEvents(OpenLineageEvents.DEFAULT_NAMESPACE, OpenLineageEvents.DEFAULT_PRODUCER)
                .events(records);
        Golden.assertMatches(info, "json", HistoryRenderer.json(List.copyOf(events)));
        assertFollowsTheSpec(events);
    }

    /**
     * The rules of the OpenLineage RunEvent (spec 2-0-2): required fields, event types, UUID run
     * ids, facets with _producer and _schemaURL, and one START and one terminal event per run.
     */
    private static void assertFollowsTheSpec(List<ObjectNode> events) {
        Map<String, List<String>> byRun = new HashMap<>();
        for (ObjectNode event : events) {
            assertTrue(List.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER")
                    .contains(event.get("eventType").asString()), event.toString());
            Instant.parse(event.get("eventTime").asString());
            URI.create(event.get("producer").asString());
            assertTrue(event.get("schemaURL").asString().startsWith("https://openlineage.io/spec/"));
            String runId = event.at("/run/runId").asString();
            assertEquals(runId, UUID.fromString(runId).toString());
            assertFalse(event.at("/job/namespace").asString().isEmpty());
            assertFalse(event.at("/job/name").asString().isEmpty());
            event.at("/run/facets").forEach(facet -> {
                URI.create(facet.get("_producer").asString());
                URI.create(facet.get("_schemaURL").asString());
            });
            byRun.computeIfAbsent(runId, k -> new ArrayList<>()).add(event.get("eventType").asString());
        }
        assertEquals(4, byRun.size());
        byRun.values().forEach(types -> {
            assertEquals("START", types.getFirst());
            assertEquals(2, types.size());
            assertTrue(List.of("COMPLETE", "FAIL").contains(types.getLast()));
        });
    }
}
