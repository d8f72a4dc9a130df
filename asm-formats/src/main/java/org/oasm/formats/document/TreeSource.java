package org.oasm.formats.document;

import java.math.BigInteger;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Replays a Jackson tree as events, the inverse of {@link TreeSink}. A number node is sent in the
 * width it holds: {@code long} when it fits, {@code BigInteger} beyond, 32- or 64-bit floats.
 * Decimal nodes (which our readers never make) are sent as the nearest 64-bit float.
 */
public final class TreeSource {

    private TreeSource() {
    }

    public static void replay(JsonNode node, DocumentSink sink) {
        emit(node, sink);
        sink.finish();
    }

    /** Sends one value (recursively) without finishing the sink. */
    public static void emit(JsonNode node, DocumentSink sink) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                sink.startObject();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    sink.key(e.getKey());
                    emit(e.getValue(), sink);
                }
                sink.endObject();
            }
            case ARRAY -> {
                sink.startArray();
                for (JsonNode child : node) {
                    emit(child, sink);
                }
                sink.endArray();
            }
            case STRING -> sink.string(node.stringValue());
            case BOOLEAN -> sink.bool(node.booleanValue());
            case NULL, MISSING -> sink.nul();
            case BINARY -> sink.bytes(node.binaryValue());
            case NUMBER -> number(node, sink);
            default -> throw new IllegalArgumentException("cannot replay a " + node.getNodeType() + " node");
        }
    }

    private static void number(JsonNode node, DocumentSink sink) {
        if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                sink.integer(node.longValue());
            } else {
                BigInteger big = node.bigIntegerValue();
                sink.integer(big);
            }
        } else if (node.isFloat()) {
            sink.float32(node.floatValue());
        } else {
            sink.float64(node.doubleValue());
        }
    }
}
