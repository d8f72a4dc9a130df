package org.oasm.formats.convert;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.oasm.formats.document.DocumentSink;

/**
 * The events of one anchored YAML node, kept so that each alias to it can replay them. A replay
 * reports how many nodes it produced, which the reader counts against the alias-expansion bound.
 */
final class Recording implements DocumentSink {

    private enum Op { START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, NULL }

    private record Key(String name) {
    }

    private record F32(float value) {
    }

    private final List<Object> events = new ArrayList<>();
    private long nodes;

    /** Nodes (scalars and containers) one replay produces. */
    long nodes() {
        return nodes;
    }

    void replay(DocumentSink sink) {
        for (Object e : events) {
            switch (e) {
                case Op op -> {
                    switch (op) {
                        case START_OBJECT -> sink.startObject();
                        case END_OBJECT -> sink.endObject();
                        case START_ARRAY -> sink.startArray();
                        case END_ARRAY -> sink.endArray();
                        case NULL -> sink.nul();
                    }
                }
                case Key k -> sink.key(k.name());
                case String s -> sink.string(s);
                case Long l -> sink.integer(l);
                case BigInteger b -> sink.integer(b);
                case Double d -> sink.float64(d);
                case F32 f -> sink.float32(f.value());
                case Boolean b -> sink.bool(b);
                case byte[] b -> sink.bytes(b);
                default -> throw new IllegalStateException("unknown recorded event " + e);
            }
        }
    }

    private void add(Object e, boolean node) {
        events.add(e);
        if (node) {
            nodes++;
        }
    }

    @Override
    public void startObject() {
        add(Op.START_OBJECT, true);
    }

    @Override
    public void key(String name) {
        add(new Key(name), false);
    }

    @Override
    public void endObject() {
        add(Op.END_OBJECT, false);
    }

    @Override
    public void startArray() {
        add(Op.START_ARRAY, true);
    }

    @Override
    public void endArray() {
        add(Op.END_ARRAY, false);
    }

    @Override
    public void string(String value) {
        add(value, true);
    }

    @Override
    public void integer(long value) {
        add(value, true);
    }

    @Override
    public void integer(BigInteger value) {
        add(value, true);
    }

    @Override
    public void float64(double value) {
        add(value, true);
    }

    @Override
    public void float32(float value) {
        add(new F32(value), true);
    }

    @Override
    public void bool(boolean value) {
        add(value, true);
    }

    @Override
    public void nul() {
        add(Op.NULL, true);
    }

    @Override
    public void bytes(byte[] value) {
        add(value, true);
    }

    /** Sends every event to two sinks: the document and the recording of an anchor. */
    static DocumentSink tee(DocumentSink a, DocumentSink b) {
        return new DocumentSink() {
            public void startObject() { a.startObject(); b.startObject(); }
            public void key(String n) { a.key(n); b.key(n); }
            public void endObject() { a.endObject(); b.endObject(); }
            public void startArray() { a.startArray(); b.startArray(); }
            public void endArray() { a.endArray(); b.endArray(); }
            public void string(String v) { a.string(v); b.string(v); }
            public void integer(long v) { a.integer(v); b.integer(v); }
            public void integer(BigInteger v) { a.integer(v); b.integer(v); }
            public void float64(double v) { a.float64(v); b.float64(v); }
            public void float32(float v) { a.float32(v); b.float32(v); }
            public void bool(boolean v) { a.bool(v); b.bool(v); }
            public void nul() { a.nul(); b.nul(); }
            public void bytes(byte[] v) { a.bytes(v); b.bytes(v); }
        };
    }
}
