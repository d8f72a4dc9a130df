package org.oasm.formats.provenance;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the execution log needs to turn an event into its line: the logging_base fields and a
 * plain token generator that writes the record as compact JSON. It stays clear of Jackson's
 * mapper ({@link Records#JSON}), whose serializers cost a cockpit start-up more than all it
 * records for a {@code -c} line; the text is the same as {@code node.toString()}.
 */
final class RecordLines {

    private static final JsonFactory TOKENS = JsonFactory.builder().build();

    /** Fixed-width UTC timestamps, so that their text order is their time order. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private RecordLines() {
    }

    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A record holding the logging_base fields, in the schema's order. */
    static ObjectNode base(Instant time, UUID runId, long seq, Actor actor, LogLevel level,
                           Map<String, String> context) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
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

    /** A record as one line of compact JSON. */
    static String line(JsonNode node) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = TOKENS.createGenerator(ObjectWriteContext.empty(), out)) {
            write(g, node);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode n) {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    g.writeName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode v : n.values()) {
                    write(g, v);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.stringValue());
            case NUMBER -> {
                if (n.isIntegralNumber()) {
                    if (n.canConvertToLong()) {
                        g.writeNumber(n.longValue());
                    } else {
                        g.writeNumber(n.bigIntegerValue());
                    }
                } else if (n.isBigDecimal()) {
                    g.writeNumber(n.decimalValue());
                } else if (n.isFloat()) {
                    g.writeNumber(n.floatValue());
                } else {
                    g.writeNumber(n.doubleValue());
                }
            }
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL -> g.writeNull();
            default -> g.writeString(n.asString());
        }
    }
}
