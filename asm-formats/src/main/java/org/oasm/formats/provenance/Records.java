package org.oasm.formats.provenance;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The fields of logging_base and the one JSON mapper, shared by the record writers. */
final class Records {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Records() {
    }

    static String timestamp(Instant instant) {
        return RecordLines.timestamp(instant);
    }

    /** A record holding the logging_base fields, in the schema's order. */
    static ObjectNode base(Instant time, UUID runId, long seq, Actor actor, LogLevel level,
                           Map<String, String> context) {
        return RecordLines.base(time, runId, seq, actor, level, context);
    }

    /** The id of a command's runtime CBOR object, {@code {run_id}_{seq}}. */
    static String cborObjectId(UUID runId, long seq) {
        return runId + "_" + seq;
    }
}
