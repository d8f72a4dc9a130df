package org.oasm.formats.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oasm.formats.manifest.Manifest.ModuleEntry;
import org.oasm.formats.manifest.Manifest.SchemaEntry;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.LocatedDocument;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.schema.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Loads and checks the manifests of an OASM root: {@code manifests/master_manifest.yaml} against
 * its schema, every schema it lists (the file exists, parses, is a valid 2020-12 schema with the
 * right {@code $id}), duplicate schema and module ids, and {@code manifests/oasm_manifest.yaml}
 * and {@code shell_profile.yaml} against theirs. It never stops at the first problem: everything
 * found is reported together, each with its file and line. The root's files win over the jar's.
 */
public final class ManifestLoader {

    public static final String MASTER = "manifests/master_manifest.yaml";
    public static final String PROJECT = "manifests/oasm_manifest.yaml";
    public static final String PROFILE = "shell_profile.yaml";

    private final OasmRoot root;
    private final SchemaRegistry registry;
    private final List<Problem> problems = new ArrayList<>();

    private ManifestLoader(OasmRoot root, SchemaRegistry registry) {
        this.root = root;
        this.registry = registry;
    }

    /** Loads and checks the manifests of a root with the root's own schema registry. */
    public static ManifestReport load(OasmRoot root) {
        return load(root, SchemaRegistry.open(root));
    }

    public static ManifestReport load(OasmRoot root, SchemaRegistry registry) {
        ManifestLoader loader = new ManifestLoader(root, registry);
        Manifest manifest = loader.master();
        loader.validated(PROJECT, "oasm_manifest");
        loader.validated(PROFILE, "shell_profile");
        return new ManifestReport(manifest, loader.problems);
    }

    /**
     * Validates any file against a schema ({@code oasm schemas validate FILE --schema ID}):
     * each violation with the file, its line and its JSON Pointer.
     */
    public static List<Problem> validateFile(SchemaRegistry registry, Path file, String schemaId) {
        LocatedDocument document;
        try {
            document = LocatedDocument.read(file);
        } catch (OasmException e) {
            return List.of(new Problem(file.toString(), 0, e.getMessage()));
        }
        return located(document, registry.validate(document.root(), schemaId));
    }

    private Manifest master() {
        Optional<LocatedDocument> read = read(MASTER);
        if (read.isEmpty()) {
            return Manifest.empty();
        }
        LocatedDocument document = read.get();
        problems.addAll(located(document, registry.validate(document.root(), "master_manifest")));
        List<SchemaEntry> schemas = schemas(document);
        List<ModuleEntry> modules = modules(document);
        return new Manifest(document.root().path("version").asString(""), schemas, modules);
    }

    private List<SchemaEntry> schemas(LocatedDocument document) {
        List<SchemaEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonNode list = document.root().path("schemas");
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String pointer = "/schemas/" + i;
            SchemaEntry entry = new SchemaEntry(text(node, "id"), text(node, "path"), text(node, "format"),
                    text(node, "purpose"), document.lineOf(pointer));
            entries.add(entry);
            Integer first = seen.putIfAbsent(entry.id(), entry.line());
            if (first != null) {
                problems.add(new Problem(document.name(), entry.line(),
                        "duplicate schema id '" + entry.id() + "' (first at line " + first + ")"));
            }
            if (!entry.id().isEmpty() && !entry.path().isEmpty()) {
                checkSchemaFile(entry, document.name(), document.lineOf(pointer + "/path"));
            }
        }
        return entries;
    }

    private void checkSchemaFile(SchemaEntry entry, String manifestName, int pathLine) {
        Optional<LocatedDocument> read;
        try {
            read = readRequired(entry.path());
        } catch (MissingFile e) {
            problems.add(new Problem(manifestName, pathLine, entry.path() + ": file not found"));
            return;
        }
        if (read.isEmpty()) {
            return;
        }
        LocatedDocument schema = read.get();
        problems.addAll(located(schema, registry.checkDocument(entry.id(), schema.root())));
    }

    private List<ModuleEntry> modules(LocatedDocument document) {
        List<ModuleEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonNode list = document.root().path("modules");
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            ModuleEntry entry = new ModuleEntry(text(node, "id"), text(node, "name"), text(node, "type"),
                    text(node, "language"), text(node, "entry_point"), node.path("auto_start").asBoolean(false),
                    text(node, "purpose"), strings(node.path("capabilities")), strings(node.path("depends_on")),
                    document.lineOf("/modules/" + i));
            entries.add(entry);
            Integer first = seen.putIfAbsent(entry.id(), entry.line());
            if (first != null) {
                problems.add(new Problem(document.name(), entry.line(),
                        "duplicate module id '" + entry.id() + "' (first at line " + first + ")"));
            }
        }
        for (ModuleEntry entry : entries) {
            for (String dependency : entry.dependsOn()) {
                if (!seen.containsKey(dependency)) {
                    problems.add(new Problem(document.name(), entry.line(),
                            "module '" + entry.id() + "' depends on unknown module '" + dependency + "'"));
                }
            }
        }
        return entries;
    }

    private void validated(String relative, String schemaId) {
        read(relative).ifPresent(document ->
                problems.addAll(located(document, registry.validate(document.root(), schemaId))));
    }

    /** Reads a data file of the root (or the jar); a parse error becomes a problem. */
    private Optional<LocatedDocument> read(String relative) {
        try {
            return readRequired(relative);
        } catch (MissingFile e) {
            problems.add(new Problem(relative, 0, "file not found"));
            return Optional.empty();
        }
    }

    private Optional<LocatedDocument> readRequired(String relative) throws MissingFile {
        Path own = root.dir().resolve(relative);
        String name = Files.isRegularFile(own) ? own.toString() : "jar:" + OasmRoot.BUNDLED_PREFIX + relative;
        try {
            Optional<InputStream> in = root.openData(relative);
            if (in.isEmpty()) {
                throw new MissingFile();
            }
            try (InputStream stream = in.get()) {
                return Optional.of(LocatedDocument.read(name, stream));
            }
        } catch (IOException e) {
            problems.add(new Problem(name, 0, "cannot read: " + e.getMessage()));
        } catch (OasmException e) {
            problems.add(parseProblem(name, e.getMessage()));
        }
        return Optional.empty();
    }

    /** Turns "NAME: line L, column C: what" into a problem at line L. */
    private static Problem parseProblem(String name, String message) {
        String rest = message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
        if (rest.startsWith("line ")) {
            int comma = rest.indexOf(',');
            try {
                return new Problem(name, Integer.parseInt(rest.substring(5, comma)), rest.substring(comma + 2));
            } catch (RuntimeException e) {
                return new Problem(name, 0, rest);
            }
        }
        return new Problem(name, 0, rest);
    }

    private static List<Problem> located(LocatedDocument document, List<Violation> violations) {
        return violations.stream()
                .map(v -> new Problem(document.name(), document.lineOf(v.jsonPointer()), v.toString()))
                .toList();
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString("");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString("")));
        return values;
    }

    /** A data file that exists neither in the root nor in the jar. */
    private static final class MissingFile extends Exception {
        MissingFile() {
            super(null, null, false, false);
        }
    }
}
