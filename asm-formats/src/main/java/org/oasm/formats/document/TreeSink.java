package org.oasm.formats.document;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a Jackson tree from events, for the consumers that need the whole document (HDF5
 * writing, schema validation). Integers beyond {@code long} become {@code BigIntegerNode}s,
 * 32-bit floats {@code FloatNode}s and byte strings {@code BinaryNode}s, so nothing is lost.
 */
public final class TreeSink implements DocumentSink {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Deque<JsonNode> open = new ArrayDeque<>();
    private final Deque<String> keys = new ArrayDeque<>();
    private String pendingKey;
    private JsonNode root;

    /** The document, once {@link #finish()} (or the last event) has been seen. */
    public JsonNode root() {
        return root;
    }

    private void add(JsonNode node) {
        JsonNode parent = open.peek();
        if (parent == null) {
            root = node;
        } else if (parent instanceof ObjectNode o) {
            o.set(pendingKey, node);
        } else {
            ((ArrayNode) parent).add(node);
        }
    }

    private void push(JsonNode container) {
        add(container);
        keys.push(pendingKey == null ? "" : pendingKey);
        open.push(container);
    }

    private void pop() {
        open.pop();
        pendingKey = keys.pop();
    }

    @Override
    public void startObject() {
        push(NODES.objectNode());
    }

    @Override
    public void key(String name) {
        pendingKey = name;
    }

    @Override
    public void endObject() {
        pop();
    }

    @Override
    public void startArray() {
        push(NODES.arrayNode());
    }

    @Override
    public void endArray() {
        pop();
    }

    @Override
    public void string(String value) {
        add(NODES.stringNode(value));
    }

    @Override
    public void integer(long value) {
        add(NODES.numberNode(value));
    }

    @Override
    public void integer(BigInteger value) {
        add(NODES.numberNode(value));
    }

    @Override
    public void float64(double value) {
        add(NODES.numberNode(value));
    }

    @Override
    public void float32(float value) {
        add(NODES.numberNode(value));
    }

    @Override
    public void bool(boolean value) {
        add(NODES.booleanNode(value));
    }

    @Override
    public void nul() {
        add(NODES.nullNode());
    }

    @Override
    public void bytes(byte[] value) {
        add(NODES.binaryNode(value));
    }
}
