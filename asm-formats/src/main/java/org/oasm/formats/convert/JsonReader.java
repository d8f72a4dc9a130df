package org.oasm.formats.convert;

import java.io.InputStream;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one JSON text (RFC 8259) with Jackson's streaming parser and pushes it as events.
 * Integers stay exact at any size; decimals follow {@link Decimals}. Exactly one value is
 * allowed: an empty file, trailing content or a second value are errors. Jackson's own limits
 * are set just above {@link org.oasm.formats.document.Limits} so that ours report first.
 */
final class JsonReader {

    private final Context context;

    JsonReader(Context context) {
        this.context = context;
    }

    private JsonFactory factory() {
        int depth = context.limits().maxDepth() + 8;
        return JsonFactory.builder()
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(depth)
                        .maxStringLength(context.limits().maxStringBytes())
                        .maxNameLength(context.limits().maxStringBytes())
                        .maxNumberLength(100_000)
                        .maxDocumentLength(-1)
                        .build())
                .build();
    }

    void read(InputStream in, DocumentSink sink) {
        try (JsonParser p = factory().createParser(ObjectReadContext.empty(), in)) {
            context.location(() -> where(p.currentLocation()));
            JsonToken t = p.nextToken();
            if (t == null) {
                throw context.malformed("empty file: no JSON value");
            }
            value(p, t, sink);
            if (p.nextToken() != null) {
                throw context.malformed("unexpected content after the JSON value");
            }
            sink.finish();
        } catch (StreamReadException e) {
            TokenStreamLocation at = e.getLocation();
            context.location(() -> at == null ? null : where(at));
            throw context.malformed(problem(e));
        } catch (JacksonException e) {
            throw context.malformed(problem(e));
        }
    }

    private static String where(TokenStreamLocation at) {
        if (at == null || at.getLineNr() < 0) {
            return null;
        }
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** Jackson's message without its location suffix and source excerpt, on one line. */
    static String problem(JacksonException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            m = e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        m = m.replace("Unexpected end-of-input", "unexpected end of input (truncated?)");
        return m.strip();
    }

    private void value(JsonParser p, JsonToken t, DocumentSink sink) {
        switch (t) {
            case START_OBJECT -> {
                sink.startObject();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                    sink.key(p.currentName());
                    value(p, p.nextToken(), sink);
                }
                if (k != JsonToken.END_OBJECT) {
                    throw context.malformed("unexpected end of input (truncated?)");
                }
                sink.endObject();
            }
            case START_ARRAY -> {
                sink.startArray();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (e == null) {
                        throw context.malformed("unexpected end of input (truncated?)");
                    }
                    value(p, e, sink);
                }
                sink.endArray();
            }
            case VALUE_STRING -> sink.string(p.getString());
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    Decimals.emit(p.getBigIntegerValue(), sink);
                } else {
                    sink.integer(p.getLongValue());
                }
            }
            case VALUE_NUMBER_FLOAT -> Decimals.emit(p.getString(), p.getDoubleValue(), context, sink);
            case VALUE_TRUE -> sink.bool(true);
            case VALUE_FALSE -> sink.bool(false);
            case VALUE_NULL -> sink.nul();
            case null -> throw context.malformed("unexpected end of input (truncated?)");
            default -> throw context.malformed("unexpected " + t);
        }
    }
}
