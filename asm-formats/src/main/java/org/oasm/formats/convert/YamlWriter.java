package org.oasm.formats.convert;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import org.oasm.formats.document.DocumentSink;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.NonPrintableStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.ImplicitTuple;
import org.snakeyaml.engine.v2.events.MappingEndEvent;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceEndEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.events.StreamStartEvent;
import tools.jackson.databind.JsonNode;

/**
 * Writes events as one YAML 1.2 document in block style through snakeyaml-engine's emitter.
 * Every scalar is marked with whether its plain form resolves back to the same value under the
 * core schema ({@link CoreSchema}), so the emitter quotes exactly the text that would otherwise
 * read back as something else ({@code "yes"} stays plain, {@code "true"}, {@code "0o17"} and
 * {@code "1.0"} are quoted). Byte strings are written as {@code !!binary} base64, NaN and the
 * infinities as {@code .nan}, {@code .inf}, {@code -.inf}: YAML holds every value exactly.
 *
 * <p>With a {@link SchemaDescriptions} (the YAML overlay, {@code --to yaml --schema ID}) each key
 * whose schema has a {@code description} gets it as a comment on the lines above.
 */
final class YamlWriter implements DocumentSink {

    private static final ImplicitTuple PLAIN = new ImplicitTuple(true, false);
    private static final ImplicitTuple QUOTED = new ImplicitTuple(false, true);
    private static final String BINARY = "tag:yaml.org,2002:binary";

    private final Writer writer;
    private final Emitter emitter;
    private final SchemaDescriptions schema;
    private final Deque<JsonNode> schemas = new ArrayDeque<>();
    private final Deque<Boolean> inArray = new ArrayDeque<>();
    private JsonNode pending;

    YamlWriter(OutputStream out, SchemaDescriptions schema) {
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.schema = schema;
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(0)
                .setSplitLines(false)
                .setWidth(Integer.MAX_VALUE / 2)
                .setNonPrintableStyle(NonPrintableStyle.ESCAPE)
                .setDumpComments(schema != null)
                .build();
        this.emitter = new Emitter(settings, new StreamDataWriter() {
            @Override
            public void write(String str) {
                try {
                    writer.write(str);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void write(String str, int off, int len) {
                try {
                    writer.write(str, off, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        emitter.emit(new StreamStartEvent());
        emitter.emit(new DocumentStartEvent(false, Optional.empty(), Map.of()));
        if (schema != null) {
            pending = schema.root();
            comment(schema.description(pending));
        }
    }

    private void comment(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String line : text.strip().split("\\R")) {
            emitter.emit(new CommentEvent(CommentType.BLOCK, line.isBlank() ? "" : " " + line.strip(),
                    Optional.empty(), Optional.empty()));
        }
    }

    /** The schema of the value about to be written, for containers to push. */
    private JsonNode valueSchema() {
        if (schema == null) {
            return null;
        }
        if (!inArray.isEmpty() && inArray.peek()) {
            return schema.items(schemas.peek());
        }
        return pending;
    }

    private void scalar(String value, ImplicitTuple implicit, Optional<String> tag) {
        emitter.emit(new ScalarEvent(Optional.empty(), tag, implicit, value, ScalarStyle.PLAIN));
    }

    private void plain(String value) {
        scalar(value, PLAIN, Optional.empty());
    }

    @Override
    public void startObject() {
        JsonNode s = valueSchema();
        emitter.emit(new MappingStartEvent(Optional.empty(), Optional.empty(), true, FlowStyle.BLOCK));
        if (schema != null) {
            schemas.push(s == null ? SchemaDescriptions.NONE : s);
            inArray.push(false);
        }
    }

    @Override
    public void key(String name) {
        if (schema != null) {
            pending = schema.property(schemas.peek(), name);
            comment(schema.description(pending));
        }
        string(name);
    }

    @Override
    public void endObject() {
        emitter.emit(new MappingEndEvent());
        pop();
    }

    private void pop() {
        if (schema != null) {
            schemas.pop();
            inArray.pop();
        }
    }

    @Override
    public void startArray() {
        JsonNode s = valueSchema();
        emitter.emit(new SequenceStartEvent(Optional.empty(), Optional.empty(), true, FlowStyle.BLOCK));
        if (schema != null) {
            schemas.push(s == null ? SchemaDescriptions.NONE : s);
            inArray.push(true);
        }
    }

    @Override
    public void endArray() {
        emitter.emit(new SequenceEndEvent());
        pop();
    }

    @Override
    public void string(String value) {
        scalar(value, CoreSchema.isText(value) ? new ImplicitTuple(true, true) : QUOTED, Optional.empty());
    }

    @Override
    public void integer(long value) {
        plain(Long.toString(value));
    }

    @Override
    public void integer(BigInteger value) {
        plain(value.toString());
    }

    @Override
    public void float64(double value) {
        plain(floatText(Double.isNaN(value), value, Double.toString(value)));
    }

    @Override
    public void float32(float value) {
        plain(floatText(Float.isNaN(value), value, Double.toString(value)));
    }

    private static String floatText(boolean nan, double value, String text) {
        if (nan) {
            return ".nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? ".inf" : "-.inf";
        }
        return text;
    }

    @Override
    public void bool(boolean value) {
        plain(value ? "true" : "false");
    }

    @Override
    public void nul() {
        plain("null");
    }

    @Override
    public void bytes(byte[] value) {
        emitter.emit(new ScalarEvent(Optional.empty(), Optional.of(BINARY), new ImplicitTuple(false, false),
                Base64.getEncoder().encodeToString(value), ScalarStyle.DOUBLE_QUOTED));
    }

    @Override
    public void finish() {
        emitter.emit(new DocumentEndEvent(false));
        emitter.emit(new StreamEndEvent());
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
