package org.oasm.formats.convert;

import java.util.function.Function;
import org.oasm.formats.schema.SchemaRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Finds the {@code description} of each value of a document in its JSON Schema, for the YAML
 * overlay. It walks the schema as the document streams by: {@code properties},
 * {@code patternProperties} and {@code additionalProperties} for object members, {@code items}
 * and {@code prefixItems} for array elements, through {@code $ref} (to {@code #/$defs/...} of the
 * same schema or to another schema of the registry) and the branches of {@code allOf},
 * {@code anyOf} and {@code oneOf}, first match wins.
 */
final class SchemaDescriptions {

    /** The schema of a value the schema says nothing about. */
    static final JsonNode NONE = MissingNode.getInstance();

    private static final int MAX_REFS = 32;

    private final String id;
    private final Function<String, JsonNode> documents;

    SchemaDescriptions(String id, Function<String, JsonNode> documents) {
        this.id = id;
        this.documents = documents;
    }

    static SchemaDescriptions of(SchemaRegistry registry, String id) {
        registry.document(id);
        return new SchemaDescriptions(id, other -> registry.document(other).root());
    }

    JsonNode root() {
        return documents.apply(id);
    }

    String description(JsonNode schema) {
        if (schema != null && schema.path("description").isString()) {
            return schema.path("description").stringValue();
        }
        JsonNode s = resolve(schema);
        JsonNode d = s.path("description");
        if (d.isString()) {
            return d.stringValue();
        }
        for (String branch : new String[] {"allOf", "anyOf", "oneOf"}) {
            for (JsonNode b : s.path(branch)) {
                String found = description(b);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    JsonNode property(JsonNode objectSchema, String key) {
        JsonNode s = resolve(objectSchema);
        if (s.isMissingNode()) {
            return NONE;
        }
        JsonNode p = s.path("properties").path(key);
        if (!p.isMissingNode()) {
            return p;
        }
        for (var e : s.path("patternProperties").properties()) {
            try {
                if (java.util.regex.Pattern.compile(e.getKey()).matcher(key).find()) {
                    return e.getValue();
                }
            } catch (java.util.regex.PatternSyntaxException ignored) {
                // a pattern Java cannot compile describes nothing here
            }
        }
        for (String branch : new String[] {"allOf", "anyOf", "oneOf"}) {
            for (JsonNode b : s.path(branch)) {
                JsonNode found = property(b, key);
                if (!found.isMissingNode()) {
                    return found;
                }
            }
        }
        JsonNode additional = s.path("additionalProperties");
        return additional.isObject() ? additional : NONE;
    }

    JsonNode items(JsonNode arraySchema) {
        JsonNode s = resolve(arraySchema);
        if (s.path("items").isObject()) {
            return s.path("items");
        }
        for (String branch : new String[] {"allOf", "anyOf", "oneOf"}) {
            for (JsonNode b : s.path(branch)) {
                JsonNode found = items(b);
                if (!found.isMissingNode()) {
                    return found;
                }
            }
        }
        return NONE;
    }

    /** Follows {@code $ref}s until a schema without one. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema == null ? NONE : schema;
        String current = id;
        for (int i = 0; i < MAX_REFS && s.path("$ref").isString(); i++) {
            String ref = s.path("$ref").stringValue();
            String target = ref;
            String fragment = "";
            int hash = ref.indexOf('#');
            if (hash >= 0) {
                target = ref.substring(0, hash);
                fragment = ref.substring(hash + 1);
            }
            if (target.startsWith(SchemaRegistry.BASE_URI)) {
                target = target.substring(SchemaRegistry.BASE_URI.length());
            }
            if (!target.isEmpty()) {
                current = target;
            }
            JsonNode doc;
            try {
                doc = documents.apply(current);
            } catch (RuntimeException e) {
                return NONE;
            }
            s = fragment.isEmpty() ? doc : doc.at(fragment);
        }
        return s;
    }
}
