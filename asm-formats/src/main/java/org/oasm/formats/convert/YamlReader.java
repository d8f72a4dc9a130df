package org.oasm.formats.convert;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;
import org.oasm.formats.document.TreeSink;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.databind.JsonNode;

/**
 * Reads YAML 1.2 with snakeyaml-engine's event parser (the YAML 1.2 parser that Jackson 3's YAML
 * module is built on) and resolves plain scalars by the YAML 1.2 core schema ({@link CoreSchema}):
 * {@code yes}, {@code no}, {@code on} and {@code off} are text, {@code 0o17} is 15.
 *
 * <p>Aliases are expanded: each anchored node is recorded as it streams by, and an alias replays
 * the recording, every replayed node counted against {@link
 * org.oasm.formats.document.Limits#maxAliasNodes()} so that the billion-laughs file is refused.
 * Keys must resolve to text; others ({@code 1: a}, {@code [a, b]: c}) are refused unless
 * {@code --lossy}, which uses their JSON text. Tags of the core schema and {@code !!binary} are
 * understood; any other tag is refused unless {@code --lossy}, which drops it.
 */
final class YamlReader {

    private static final String TAG = "tag:yaml.org,2002:";

    private final Context context;
    private Parser parser;
    private final Map<String, Recording> anchors = new HashMap<>();
    private long aliasNodes;
    private int depth;

    YamlReader(Context context) {
        this.context = context;
    }

    /**
     * Reads a stream that must hold exactly one document. When {@code reopen} can give the input
     * again, the parser keeps no marks (a position object per token and event, about a tenth of
     * the parsing time), and only if it finds the stream malformed is the input parsed a second
     * time with marks, to nothing, to say where the problem is. Without {@code reopen} (small
     * inputs in memory) it keeps marks from the start.
     */
    void read(InputStream in, DocumentSink sink, Reopen reopen) {
        try {
            guarded(in, reopen == null, () -> one(sink));
        } catch (Located e) {
            if (reopen != null) {
                try (InputStream again = reopen.open()) {
                    YamlReader located = new YamlReader(new Context(context.name(), context.limits(), true));
                    located.guarded(again, true, () -> located.one(new Discard()));
                } catch (Located precise) {
                    throw malformedAt(precise.where, precise.problem);
                } catch (java.io.IOException | RuntimeException other) {
                    // the input changed or cannot be read again: say what the first pass knew
                }
            }
            throw malformedAt(e.where, e.problem);
        }
    }

    /** Reads a stream that must hold exactly one document, with marks (small inputs). */
    void read(InputStream in, DocumentSink sink) {
        read(in, sink, null);
    }

    /** Opens the input once more. */
    @FunctionalInterface
    interface Reopen {
        InputStream open() throws java.io.IOException;
    }

    private Object one(DocumentSink sink) {
        Event e = parser.next();
        if (!parser.hasNext() || parser.peekEvent().getEventId() == Event.ID.StreamEnd) {
            throw context.malformed("empty file: no YAML document");
        }
        document(sink);
        if (parser.peekEvent().getEventId() != Event.ID.StreamEnd) {
            throw context.malformed("more than one YAML document in the stream (convert one document at a time)");
        }
        sink.finish();
        return e;
    }

    /** Reads every document of a stream as trees (for conformance tests). */
    List<JsonNode> readAll(InputStream in) {
        List<JsonNode> docs = new ArrayList<>();
        try {
            guarded(in, true, () -> {
                parser.next();
                while (parser.peekEvent().getEventId() != Event.ID.StreamEnd) {
                    TreeSink tree = new TreeSink();
                    DocumentSink checked = context.checked(tree);
                    document(checked);
                    docs.add(tree.root());
                }
                return null;
            });
        } catch (Located e) {
            throw malformedAt(e.where, e.problem);
        }
        return docs;
    }

    private RuntimeException malformedAt(String where, String problem) {
        context.location(() -> where);
        return context.malformed(problem);
    }

    /** Where the located second pass sends the document: nowhere. */
    private static final class Discard implements DocumentSink {
        @Override public void startObject() { }
        @Override public void key(String name) { }
        @Override public void endObject() { }
        @Override public void startArray() { }
        @Override public void endArray() { }
        @Override public void string(String value) { }
        @Override public void integer(long value) { }
        @Override public void integer(java.math.BigInteger value) { }
        @Override public void float64(double value) { }
        @Override public void float32(float value) { }
        @Override public void bool(boolean value) { }
        @Override public void nul() { }
        @Override public void bytes(byte[] value) { }
    }

    /** A syntax error of the parser: the problem, and where it is if the parser kept marks. */
    private static final class Located extends RuntimeException {
        final String where;
        final String problem;

        Located(String where, String problem) {
            super(problem, null, false, false);
            this.where = where;
            this.problem = problem;
        }
    }

    private void guarded(InputStream in, boolean marks, java.util.function.Supplier<Object> body) {
        LoadSettings settings = LoadSettings.builder()
                .setCodePointLimit(Integer.MAX_VALUE)
                .setAllowDuplicateKeys(true)
                .setParseComments(false)
                .setUseMarks(marks)
                .setLabel(context.name())
                .build();
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        StreamReader stream = new StreamReader(settings, reader);
        parser = new ParserImpl(settings, stream);
        context.location(() -> where(stream.getLine(), stream.getColumn()));
        try {
            body.get();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark();
            String problem = oneLine(e.getProblem() == null ? e.getContext() : e.getProblem());
            throw new Located(mark.map(m -> where(m.getLine(), m.getColumn()))
                    .orElseGet(() -> where(stream.getLine(), stream.getColumn())), problem);
        } catch (YamlEngineException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CharacterCodingException) {
                    throw context.malformed("not valid UTF-8 text");
                }
            }
            throw context.malformed(oneLine(e.getMessage()));
        }
    }

    private static String where(int line, int column) {
        return "line " + (line + 1) + ", column " + (column + 1);
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "malformed YAML";
        }
        int nl = s.indexOf('\n');
        return (nl >= 0 ? s.substring(0, nl) : s).strip();
    }

    private void document(DocumentSink sink) {
        parser.next();
        anchors.clear();
        node(parser.next(), sink);
        parser.next();
    }

    private void node(Event e, DocumentSink out) {
        if (e instanceof AliasEvent alias) {
            replay(alias.getAlias(), out);
            return;
        }
        NodeEvent n = (NodeEvent) e;
        Optional<Anchor> anchor = n.getAnchor();
        Recording recording = null;
        if (anchor.isPresent()) {
            recording = new Recording();
            out = Recording.tee(out, recording);
        }
        switch (e) {
            case ScalarEvent s -> scalar(s, out);
            case CollectionStartEvent c when e.getEventId() == Event.ID.SequenceStart -> sequence(c, out);
            case CollectionStartEvent c -> mapping(c, out);
            default -> throw context.malformed("unexpected " + e.getEventId());
        }
        if (recording != null) {
            anchors.put(anchor.get().getValue(), recording);
        }
    }

    private void replay(Anchor name, DocumentSink out) {
        Recording r = anchors.get(name.getValue());
        if (r == null) {
            throw context.malformed("alias *" + name.getValue() + " refers to no anchor before it");
        }
        aliasNodes += r.nodes();
        if (aliasNodes > context.limits().maxAliasNodes()) {
            throw context.malformed("aliases expand to more than " + context.limits().maxAliasNodes()
                    + " nodes (an alias bomb such as billion laughs?)");
        }
        r.replay(out);
    }

    private void enter() {
        if (++depth > context.limits().maxDepth()) {
            throw context.malformed("nesting deeper than " + context.limits().maxDepth() + " levels");
        }
    }

    private void collectionTag(CollectionStartEvent c, String expected) {
        Optional<String> tag = c.getTag();
        if (tag.isPresent() && !tag.get().equals("!") && !tag.get().equals(TAG + expected)) {
            context.substitute("!" + tag.get(), "untagged " + (expected.equals("map") ? "mapping" : "sequence"),
                    "tag " + tag.get() + " is not part of the YAML 1.2 core schema");
        }
    }

    private void sequence(CollectionStartEvent c, DocumentSink out) {
        collectionTag(c, "seq");
        enter();
        out.startArray();
        Event e;
        while ((e = parser.next()).getEventId() != Event.ID.SequenceEnd) {
            node(e, out);
        }
        out.endArray();
        depth--;
    }

    private void mapping(CollectionStartEvent c, DocumentSink out) {
        collectionTag(c, "map");
        enter();
        out.startObject();
        Event e;
        while ((e = parser.next()).getEventId() != Event.ID.MappingEnd) {
            key(e, out);
            node(parser.next(), out);
        }
        out.endObject();
        depth--;
    }

    private void key(Event e, DocumentSink out) {
        if (e instanceof ScalarEvent s && s.getAnchor().isEmpty() && s.getTag().isEmpty()
                && (!s.isPlain() || CoreSchema.isText(s.getValue()))) {
            out.key(s.getValue());
            return;
        }
        TreeSink tree = new TreeSink();
        node(e, tree);
        JsonNode k = tree.root();
        if (k.isString()) {
            out.key(k.stringValue());
            return;
        }
        String text = CborReader.jsonText(k);
        context.substitute(text, "\"" + text + "\"", "mapping key " + text + " is not text");
        out.key(text);
    }

    private void scalar(ScalarEvent s, DocumentSink out) {
        String v = s.getValue();
        Optional<String> tag = s.getTag();
        if (tag.isEmpty()) {
            if (s.isPlain() && context.deferral() == out && out instanceof Handoff.Events events) {
                events.yamlPlain(v);
            } else if (s.isPlain()) {
                CoreSchema.resolve(v, context, out);
            } else {
                out.string(v);
            }
            return;
        }
        String t = tag.get();
        if (t.equals("!") || t.equals(TAG + "str")) {
            out.string(v);
        } else if (t.equals(TAG + "binary")) {
            try {
                out.bytes(Base64.getMimeDecoder().decode(v.replaceAll("\\s", "")));
            } catch (IllegalArgumentException ex) {
                throw context.malformed("!!binary value is not base64: " + ex.getMessage());
            }
        } else if (t.equals(TAG + "int") || t.equals(TAG + "float") || t.equals(TAG + "bool")
                || t.equals(TAG + "null")) {
            CoreSchema.resolveAs(t.substring(TAG.length()), v, context, out);
        } else {
            context.substitute("!" + t + " " + v, "untagged scalar", "tag " + t + " is not part of the YAML 1.2 core schema");
            if (s.isPlain()) {
                CoreSchema.resolve(v, context, out);
            } else {
                out.string(v);
            }
        }
    }
}
