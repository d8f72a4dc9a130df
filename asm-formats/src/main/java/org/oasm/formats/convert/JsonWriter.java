package org.oasm.formats.convert;

import java.io.OutputStream;
import java.math.BigInteger;
import java.util.Base64;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * Writes events as JSON text with Jackson's generator: on one line (as {@code jq -c .} prints),
 * or indented by two spaces for a terminal (as {@code jq .} prints), ending in a newline. What JSON cannot hold follows RFC 8949 section 6.1: byte
 * strings become base64url text without padding; NaN and the infinities have no JSON form and
 * are refused unless {@code --lossy}, which writes {@code null}. A 32-bit float is printed as
 * the shortest decimal of its exact value ({@code 1.1f} as {@code 1.100000023841858}), so that it
 * reads back to the same binary value.
 */
final class JsonWriter implements DocumentSink {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final int CACHED_KEY_CHARS = 64;

    private final JsonGenerator g;
    /**
     * Keys written recently, each with its quoted UTF-8 form made once (Jackson's
     * {@code SerializedString}): documents repeat a few keys many times.
     */
    private final SerializedString[] keys = new SerializedString[TextSlots.SIZE];
    private final Context context;

    JsonWriter(OutputStream out, Context context, boolean pretty) {
        this.context = context;
        JsonFactory factory = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(context.limits().maxDepth() + 8).build())
                .build();
        ObjectWriteContext owc = pretty ? new ObjectWriteContext.Base() {
            @Override
            public PrettyPrinter getPrettyPrinter() {
                return printer();
            }
        } : ObjectWriteContext.empty();
        this.g = factory.createGenerator(owc, out);
    }

    private static PrettyPrinter printer() {
        Separators s = Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        return new DefaultPrettyPrinter(s).withObjectIndenter(indent).withArrayIndenter(indent);
    }

    @Override
    public void startObject() {
        g.writeStartObject();
    }

    @Override
    public void key(String name) {
        int n = name.length();
        int slot = TextSlots.of(name);
        SerializedString cached = keys[slot];
        if (cached == null || !cached.getValue().equals(name)) {
            if (n > CACHED_KEY_CHARS) {
                g.writeName(name);
                return;
            }
            cached = keys[slot] = new SerializedString(name);
        }
        g.writeName(cached);
    }

    @Override
    public void endObject() {
        g.writeEndObject();
    }

    @Override
    public void startArray() {
        g.writeStartArray();
    }

    @Override
    public void endArray() {
        g.writeEndArray();
    }

    @Override
    public void string(String value) {
        g.writeString(value);
    }

    @Override
    public void string(char[] text, int offset, int length) {
        g.writeString(text, offset, length);
    }

    @Override
    public void integer(long value) {
        g.writeNumber(value);
    }

    @Override
    public void integer(BigInteger value) {
        g.writeNumber(value);
    }

    @Override
    public void float64(double value) {
        if (Double.isFinite(value)) {
            g.writeNumber(value);
        } else {
            context.substitute(Double.toString(value), "null", "JSON has no " + value);
            g.writeNull();
        }
    }

    @Override
    public void float32(float value) {
        if (Float.isFinite(value)) {
            g.writeNumber((double) value);
        } else {
            context.substitute(Float.toString(value), "null", "JSON has no " + value);
            g.writeNull();
        }
    }

    @Override
    public void bool(boolean value) {
        g.writeBoolean(value);
    }

    @Override
    public void nul() {
        g.writeNull();
    }

    @Override
    public void bytes(byte[] value) {
        g.writeString(BASE64URL.encodeToString(value));
    }

    @Override
    public void finish() {
        g.writeRaw('\n');
        g.close();
    }
}
