package org.oasm.formats.provenance;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Execution records as OpenLineage RunEvents ({@code oasm history --format openlineage}), so that
 * a lineage server (Marquez and others) can show what the cockpit ran. The session, each command
 * line and each pipeline stage is a run of its own: a Started record becomes a START event, a
 * Completed, Failed or Cancelled record a COMPLETE, FAIL or ABORT event of the same run. A
 * ParentRunFacet links a stage to its command line and a command line to its session. Run ids
 * are derived from run id and seq (name-based UUIDs), so the same records always give the same
 * events; the session's run id is the cockpit's run id itself.
 */
public final class OpenLineageEvents {

    public static final String RUN_EVENT_SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
    public static final String PARENT_FACET_SCHEMA =
            "https://openlineage.io/spec/facets/1-1-0/ParentRunFacet.json#/$defs/ParentRunFacet";
    /** The custom run facet carrying the execution record's own fields. */
    public static final String OASM_FACET_SCHEMA = "https://oasm.dev/schemas/execution_log";
    public static final String DEFAULT_PRODUCER = "https://oasm.dev/cockpit";
    public static final String DEFAULT_NAMESPACE = "oasm";

    private final String namespace;
    private final String producer;

    public OpenLineageEvents(String namespace, String producer) {
        this.namespace = namespace;
        this.producer = producer;
    }

    /** One RunEvent per execution record, in the records' order. */
    public List<ObjectNode> events(List<JsonNode> records) {
        Map<String, String> commandJobs = new HashMap<>();
        for (JsonNode r : records) {
            if ("Command".equals(r.path("scope").asString("")) && "Started".equals(r.path("status").asString(""))) {
                commandJobs.put(r.path("run_id").asString() + "/" + r.path("seq").asLong(), jobName(r));
            }
        }
        return records.stream().map(r -> event(r, commandJobs)).toList();
    }

    private ObjectNode event(JsonNode record, Map<String, String> commandJobs) {
        String runId = record.path("run_id").asString();
        String scope = record.path("scope").asString("Command");
        String status = record.path("status").asString();
        long unitSeq = "Started".equals(status) ? record.path("seq").asLong() : record.path("start_seq").asLong();

        ObjectNode event = Records.NODES.objectNode();
        event.put("eventType", switch (status) {
            case "Started" -> "START";
            case "Completed" -> "COMPLETE";
            case "Failed" -> "FAIL";
            case "Cancelled" -> "ABORT";
            default -> "RUNNING";
        });
        event.put("eventTime", record.path("timestamp").asString());
        ObjectNode run = event.putObject("run");
        run.put("runId", "Session".equals(scope) ? runId : unitRunId(runId, unitSeq));
        ObjectNode facets = run.putObject("facets");
        switch (scope) {
            case "Command" -> facets.set("parent", parent(runId, "oasm.session"));
            case "Stage" -> {
                if (record.has("parent_seq")) {
                    long parentSeq = record.path("parent_seq").asLong();
                    facets.set("parent", parent(unitRunId(runId, parentSeq),
                            commandJobs.getOrDefault(runId + "/" + parentSeq, "oasm.command")));
                }
            }
            default -> { }
        }
        facets.set("oasm_execution", oasmFacet(record));
        ObjectNode job = event.putObject("job");
        job.put("namespace", namespace);
        job.put("name", jobName(record));
        event.putArray("inputs");
        event.putArray("outputs");
        event.put("producer", producer);
        event.put("schemaURL", RUN_EVENT_SCHEMA);
        return event;
    }

    private ObjectNode parent(String parentRunId, String parentJob) {
        ObjectNode facet = Records.NODES.objectNode();
        facet.put("_producer", producer);
        facet.put("_schemaURL", PARENT_FACET_SCHEMA);
        facet.putObject("run").put("runId", parentRunId);
        facet.putObject("job").put("namespace", namespace).put("name", parentJob);
        return facet;
    }

    private ObjectNode oasmFacet(JsonNode record) {
        ObjectNode facet = Records.NODES.objectNode();
        facet.put("_producer", producer);
        facet.put("_schemaURL", OASM_FACET_SCHEMA);
        for (String field : List.of("seq", "actor", "status", "exit_status", "duration_ms", "cwd", "command")) {
            if (record.has(field)) {
                facet.set(field, record.get(field));
            }
        }
        return facet;
    }

    /** {@code oasm.session}, or {@code oasm.command.PROGRAM} / {@code oasm.stage.PROGRAM}. */
    static String jobName(JsonNode record) {
        String scope = record.path("scope").asString("Command");
        if ("Session".equals(scope)) {
            return "oasm.session";
        }
        String program = "";
        for (String word : record.path("command").asString("").trim().split("\\s+")) {
            if (!word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                program = word.replaceAll(".*/", "").replaceAll("[^A-Za-z0-9_.-]", "_");
                break;
            }
        }
        String base = "Stage".equals(scope) ? "oasm.stage" : "oasm.command";
        return program.isEmpty() ? base : base + "." + program;
    }

    private static String unitRunId(String runId, long seq) {
        return UUID.nameUUIDFromBytes((runId + "/" + seq).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
