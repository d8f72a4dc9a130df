package org.oasm.formats.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.JsonNode;

/**
 * The OASM schema registry: JSON Schema 2020-12 documents written in YAML, found by id under the
 * root's {@code schemas/} or, failing that, in the jar's bundled {@code oasm/schemas/}. Each schema
 * has the {@code $id} {@code https://oasm.dev/schemas/ID}, so a {@code $ref: logging_base} or
 * {@code $ref: "logging_base#/$defs/actor"} resolves to another schema of the same registry;
 * nothing is ever fetched from the network. Validation is done by networknt's
 * json-schema-validator; this class only finds the documents and shapes the results.
 */
public final class SchemaRegistry {

    /** Base of every schema's {@code $id}. */
    public static final String BASE_URI = "https://oasm.dev/schemas/";
    /** The dialect every schema is written in. */
    public static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private static final String MASTER_MANIFEST = "manifests/master_manifest.yaml";

    private final OasmRoot root;
    private final Map<String, String> paths;
    private final Map<String, LocatedDocument> documents = new ConcurrentHashMap<>();
    private final com.networknt.schema.SchemaRegistry validators;

    private SchemaRegistry(OasmRoot root, Map<String, String> paths) {
        this.root = root;
        this.paths = paths;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .build();
        this.validators = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config).schemas(this::jsonTextOf));
    }

    /**
     * Opens the registry of a root: the schemas the root's master manifest lists, every
     * {@code schemas/ID_schema.yaml} in the root's own folder, and the schemas of the bundled
     * master manifest - in that order of precedence.
     */
    public static SchemaRegistry open(OasmRoot root) {
        Map<String, String> paths = new TreeMap<>();
        Path own = root.dir().resolve(MASTER_MANIFEST);
        if (Files.isRegularFile(own)) {
            try (InputStream in = Files.newInputStream(own)) {
                indexManifest(in, paths);
            } catch (IOException e) {
                // unreadable: the manifest loader reports it
            }
        }
        indexFolder(root.schemas(), paths);
        try (InputStream in = SchemaRegistry.class.getClassLoader()
                .getResourceAsStream(OasmRoot.BUNDLED_PREFIX + MASTER_MANIFEST)) {
            if (in != null) {
                indexManifest(in, paths);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SchemaRegistry(root, paths);
    }

    /** The {@code $id} of the schema with this id. */
    public static String uri(String id) {
        return BASE_URI + id;
    }

    /** The conventional path of a schema relative to the root: {@code schemas/ID_schema.yaml}. */
    public static String conventionalPath(String id) {
        return "schemas/" + id + "_schema.yaml";
    }

    /** Every schema id, sorted. */
    public List<String> ids() {
        return List.copyOf(paths.keySet());
    }

    public boolean contains(String id) {
        return paths.containsKey(id);
    }

    /** Where the schema is read from: a file of the root, or {@code jar:oasm/schemas/...}. */
    public String location(String id) {
        String relative = pathOf(id);
        Path own = root.dir().resolve(relative);
        return Files.isRegularFile(own) ? own.toString() : "jar:" + OasmRoot.BUNDLED_PREFIX + relative;
    }

    /** The schema document with the line of each of its values. */
    public LocatedDocument document(String id) {
        String relative = pathOf(id);
        return documents.computeIfAbsent(id, key -> read(relative, location(key)));
    }

    /** Validates an instance against a schema; an empty list means it conforms. */
    public List<Violation> validate(JsonNode instance, String id) {
        Schema schema = compiled(id);
        return violations(schema.validate(instance));
    }

    /**
     * Checks a schema itself: it is a valid 2020-12 schema (against the meta-schema), its
     * {@code $id} is {@code BASE_URI + id}, and all its references resolve.
     */
    public List<Violation> check(String id) {
        LocatedDocument document = document(id);
        List<Violation> found = new ArrayList<>(checkDocument(id, document.root()));
        if (found.isEmpty()) {
            try {
                Schema schema = compiled(id);
                schema.initializeValidators();
                schema.validate(document.root());
            } catch (SchemaException | IllegalStateException e) {
                found.add(new Violation("", "schema does not load: " + oneLine(e.getMessage())));
            }
        }
        return List.copyOf(found);
    }

    /** Checks a schema document against the 2020-12 meta-schema and its expected {@code $id}. */
    public List<Violation> checkDocument(String id, JsonNode document) {
        Schema meta = validators.getSchema(SchemaLocation.of(META_SCHEMA));
        List<Violation> found = new ArrayList<>(violations(meta.validate(document)));
        String declared = document.path("$id").asString("");
        if (!declared.equals(uri(id))) {
            found.add(new Violation("/$id", "expected \"" + uri(id) + "\", found \"" + declared + "\""));
        }
        if (!META_SCHEMA.equals(document.path("$schema").asString(""))) {
            found.add(new Violation("/$schema", "expected \"" + META_SCHEMA + "\""));
        }
        return List.copyOf(found);
    }

    private Schema compiled(String id) {
        pathOf(id);
        try {
            return validators.getSchema(SchemaLocation.of(uri(id)));
        } catch (SchemaException e) {
            throw new OasmException(location(id) + ": schema does not load: " + oneLine(e.getMessage()),
                    OasmException.FAILED, e);
        }
    }

    private String pathOf(String id) {
        String relative = paths.get(id);
        if (relative == null) {
            throw new OasmException("no schema with id '" + id + "' (oasm schemas list shows them)",
                    OasmException.USAGE);
        }
        return relative;
    }

    /** The schema text handed to the validator for an {@code $id}; null for foreign ids. */
    private String jsonTextOf(String iri) {
        if (!iri.startsWith(BASE_URI)) {
            return null;
        }
        String id = iri.substring(BASE_URI.length());
        return paths.containsKey(id) ? document(id).root().toString() : null;
    }

    private LocatedDocument read(String relative, String name) {
        try {
            Optional<InputStream> in = root.openData(relative);
            if (in.isEmpty()) {
                throw new OasmException(relative + ": schema file not found");
            }
            try (InputStream stream = in.get()) {
                return LocatedDocument.read(name, stream);
            }
        } catch (IOException e) {
            throw new OasmException(name + ": cannot read: " + e.getMessage(), OasmException.FAILED, e);
        }
    }

    private static List<Violation> violations(List<Error> errors) {
        List<Violation> result = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String pointer = error.getInstanceLocation().toString();
            String message = error.getMessage();
            if (message.startsWith(pointer + ": ")) {
                message = message.substring(pointer.length() + 2);
            }
            result.add(new Violation(pointer, message));
        }
        return List.copyOf(result);
    }

    private static void indexManifest(InputStream in, Map<String, String> paths) {
        try {
            JsonNode manifest = LocatedDocument.read(MASTER_MANIFEST, in).root();
            for (JsonNode entry : manifest.path("schemas")) {
                String id = entry.path("id").asString("");
                if (!id.isEmpty()) {
                    paths.putIfAbsent(id, entry.path("path").asString(conventionalPath(id)));
                }
            }
        } catch (OasmException e) {
            // A broken manifest is the manifest loader's to report; the other sources still work.
        }
    }

    private static void indexFolder(Path folder, Map<String, String> paths) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*_schema.yaml")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                paths.putIfAbsent(name.substring(0, name.length() - "_schema.yaml".length()),
                        "schemas/" + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
