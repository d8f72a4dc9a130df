package org.oasm.formats.provenance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The fields of logging_base and the one JSON mapper, shared by the record writers. */
final class Records {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Fixed-width UTC timestamps, so that their text order is their time order. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Records() {
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A record holding the logging_base fields, in the schema's order. */
    static ObjectNode base(Instant time, UUID runId, long seq, Actor actor, LogLevel level,
                           Map<String, String> context) {
        ObjectNode node = NODES.objectNode();
        node.put("timestamp", timestamp(time));
        node.put("run_id", runId.toString());
        node.put("seq", seq);
        node.set("actor", actor.toJson());
        node.put("log_level", level.name());
        if (context != null && !context.isEmpty()) {
            ObjectNode values = node.putObject("context");
            new TreeMap<>(Redactor.redactContext(context)).forEach(values::put);
        }
        return node;
    }

    /** The id of a command's runtime CBOR object, {@code {run_id}_{seq}}. */
    static String cborObjectId(UUID runId, long seq) {
        return runId + "_" + seq;
    }
}
