package org.oasm.formats.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.oasm.formats.root.OasmException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML or JSON document read into a tree together with the line of every value, so that a
 * schema violation (a JSON Pointer) can be reported as {@code file:line}. Jackson's tree model
 * drops token locations, hence this small reader over the token stream.
 *
 * @param name  how the document is named in messages (a path, or {@code jar:oasm/...})
 * @param root  the document
 * @param lines the line (from 1) of the value at each JSON Pointer
 */
public record LocatedDocument(String name, JsonNode root, Map<String, Integer> lines) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CBORMapper CBOR = CBORMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public LocatedDocument {
        lines = Map.copyOf(lines);
    }

    /**
     * Reads a file; {@code .json} files as JSON, {@code .cbor} files as CBOR (no lines: binary),
     * everything else as YAML (a superset of JSON).
     */
    public static LocatedDocument read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new OasmException(file + ": cannot read: " + e.getMessage(), OasmException.FAILED, e);
        }
    }

    /** Reads a stream; the format follows the name's extension as for {@link #read(Path)}. */
    public static LocatedDocument read(String name, InputStream in) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = name.endsWith(".json") ? JSON.createParser(in)
                : name.endsWith(".cbor") ? CBOR.createParser(in) : YAML.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new OasmException(name + ": empty document");
            }
            JsonNode root = value(p, "", lines);
            return new LocatedDocument(name, root, lines);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? ""
                    : at.getLineNr() > 0 ? "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": "
                    : "byte " + at.getByteOffset() + ": ";
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            throw new OasmException(name + ": " + where + summary(message), OasmException.FAILED, e);
        } catch (UncheckedIOException e) {
            throw new OasmException(name + ": cannot read: " + e.getMessage(), OasmException.FAILED, e);
        }
    }

    /**
     * The line of the value at {@code pointer}, or of its nearest enclosing value that has one;
     * 0 when nothing is known.
     */
    public int lineOf(String pointer) {
        String at = pointer;
        while (true) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            if (at.isEmpty()) {
                return 0;
            }
            at = at.substring(0, at.lastIndexOf('/'));
        }
    }

    private static JsonNode value(JsonParser p, String pointer, Map<String, Integer> lines) {
        if (!lines.containsKey(pointer)) {
            note(lines, pointer, p);
        }
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + escape(name);
                    note(lines, child, p);
                    p.nextToken();
                    object.set(name, value(p, child, lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, pointer + "/" + index++, lines));
                }
                return array;
            }
            case VALUE_STRING -> { return NODES.stringNode(p.getString()); }
            case VALUE_TRUE -> { return NODES.booleanNode(true); }
            case VALUE_FALSE -> { return NODES.booleanNode(false); }
            case VALUE_NULL -> { return NODES.nullNode(); }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> { return NODES.numberNode(p.getDecimalValue()); }
            case VALUE_EMBEDDED_OBJECT -> {
                Object embedded = p.getEmbeddedObject();
                return embedded instanceof byte[] bytes ? NODES.binaryNode(bytes) : NODES.pojoNode(embedded);
            }
            default -> throw new OasmException("unexpected token " + token);
        }
    }

    /** Remembers the line of the current token; binary formats have none. */
    private static void note(Map<String, Integer> lines, String pointer, JsonParser p) {
        int line = p.currentTokenLocation().getLineNr();
        if (line > 0) {
            lines.put(pointer, line);
        }
    }

    /** A parser message in one line: its statements, without the excerpts of the input. */
    private static String summary(String message) {
        return String.join("; ", message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .toList());
    }

    /** Escapes a property name for a JSON Pointer (RFC 6901). */
    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
