package org.oasm.formats.convert;

import java.io.InputStream;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonTokenId;
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
            if (p.nextToken() == null) {
                throw context.malformed("empty file: no JSON value");
            }
            value(p, sink);
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

    /**
     * Pushes the value at the current token, containers included, in one loop rather than by
     * recursion: the parser checks the structure, so the loop only counts open containers, to
     * know where the value ends and to hold the nesting bound (here, where the parser's position
     * is known, even when the events are written on another thread). Text comes as the parser's characters (no {@code String} per
     * value); property names are the parser's canonical strings.
     */
    private void value(JsonParser p, DocumentSink sink) {
        int maxDepth = context.limits().maxDepth();
        int open = 0;
        while (true) {
            switch (p.currentTokenId()) {
                case JsonTokenId.ID_START_OBJECT -> {
                    if (++open > maxDepth) {
                        throw deep(maxDepth);
                    }
                    sink.startObject();
                }
                case JsonTokenId.ID_END_OBJECT -> {
                    sink.endObject();
                    open--;
                }
                case JsonTokenId.ID_START_ARRAY -> {
                    if (++open > maxDepth) {
                        throw deep(maxDepth);
                    }
                    sink.startArray();
                }
                case JsonTokenId.ID_END_ARRAY -> {
                    sink.endArray();
                    open--;
                }
                case JsonTokenId.ID_PROPERTY_NAME -> {
                    String name = p.currentName();
                    sink.key(Surrogates.replace(name, context));
                }
                case JsonTokenId.ID_STRING -> {
                    char[] text = p.getTextCharacters();
                    int offset = p.getTextOffset();
                    int length = p.getTextLength();
                    if (Surrogates.firstUnpaired(java.nio.CharBuffer.wrap(text, offset, length)) < 0) {
                        sink.string(text, offset, length);
                    } else {
                        sink.string(Surrogates.replace(new String(text, offset, length), context));
                    }
                }
                case JsonTokenId.ID_NUMBER_INT -> {
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        Decimals.emit(p.getBigIntegerValue(), sink);
                    } else {
                        sink.integer(p.getLongValue());
                    }
                }
                case JsonTokenId.ID_NUMBER_FLOAT -> {
                    double d = p.getDoubleValue();
                    Decimals.emit(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), d, context, sink);
                }
                case JsonTokenId.ID_TRUE -> sink.bool(true);
                case JsonTokenId.ID_FALSE -> sink.bool(false);
                case JsonTokenId.ID_NULL -> sink.nul();
                default -> throw context.malformed("unexpected " + p.currentToken());
            }
            if (open == 0) {
                return;
            }
            if (p.nextToken() == null) {
                throw context.malformed("unexpected end of input (truncated?)");
            }
        }
    }

    private RuntimeException deep(int maxDepth) {
        return context.malformed("nesting deeper than " + maxDepth + " levels");
    }
}
