package org.oasm.formats.workcopy;

import org.oasm.formats.root.OasmRoot;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON forms of a working copy's metadata ({@code logs/working_copies/{copy_id}_metadata.json})
 * and of a committed change ({@code artifacts/diffs/{copy_id}/change.json}). Field names are
 * snake_case and written in one place, because the {@code working_copy} JSON Schema is written
 * against them. Paths inside the root are stored relative to it, so a root can be moved.
 */
final class MetadataJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final OasmRoot root;

    MetadataJson(OasmRoot root) {
        this.root = root;
    }

    byte[] write(WorkingCopy c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("copy_id", c.copyId());
        n.put("source_kind", c.sourceKind().json());
        n.put("source", c.source());
        n.put("copy_path", rel(c.copyDir()));
        ObjectNode hashes = n.putObject("source_hashes");
        c.sourceHashes().forEach(hashes::put);
        n.put("created", c.created().toString());
        n.put("actor", c.actor());
        n.put("state", c.state().json());
        n.put("closed_at", c.closedAt() == null ? null : c.closedAt().toString());
        n.put("stored_as", c.storedAs());
        return bytes(n);
    }

    WorkingCopy readCopy(Path file, byte[] json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            Map<String, String> hashes = new TreeMap<>();
            n.required("source_hashes").properties().forEach(e -> hashes.put(e.getKey(), e.getValue().asString()));
            return new WorkingCopy(text(n, "copy_id"), SourceKind.fromJson(text(n, "source_kind")), text(n, "source"),
                    abs(text(n, "copy_path")), new TreeMap<>(hashes), Instant.parse(text(n, "created")),
                    text(n, "actor"), CopyState.fromJson(text(n, "state")), instant(n, "closed_at"),
                    optional(n, "stored_as"));
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new WorkingCopyException(file + ": not valid working-copy metadata: " + firstLine(e));
        }
    }

    byte[] write(CommittedChange c, Path diffFile) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("copy_id", c.copyId());
        n.put("source_kind", c.sourceKind().json());
        n.put("source", c.sourceRoot());
        n.put("stored_as", c.storedAs());
        n.put("committed", c.committed().toString());
        n.put("actor", c.actor());
        n.put("diff_file", rel(diffFile));
        ArrayNode files = n.putArray("files");
        for (ChangedFile f : c.files()) {
            ObjectNode o = files.addObject();
            o.put("path", f.path());
            o.put("before_sha256", f.beforeSha256());
            o.put("after_sha256", f.afterSha256());
            o.put("saved_before", f.savedBefore() == null ? null : rel(f.savedBefore()));
        }
        return bytes(n);
    }

    /** Reads a change; {@code diffText} reads the diff file it names. */
    CommittedChange readChange(Path file, byte[] json, java.util.function.Function<Path, String> diffText) {
        try {
            JsonNode n = MAPPER.readTree(json);
            List<ChangedFile> files = new ArrayList<>();
            for (JsonNode o : n.required("files")) {
                String saved = optional(o, "saved_before");
                files.add(new ChangedFile(text(o, "path"), optional(o, "before_sha256"), optional(o, "after_sha256"),
                        saved == null ? null : abs(saved)));
            }
            return new CommittedChange(text(n, "copy_id"), SourceKind.fromJson(text(n, "source_kind")),
                    text(n, "source"), optional(n, "stored_as"), files, diffText.apply(abs(text(n, "diff_file"))),
                    Instant.parse(text(n, "committed")), text(n, "actor"));
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new WorkingCopyException(file + ": not a valid committed-change record: " + firstLine(e));
        }
    }

    private String rel(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root.dir()) ? FileSet.relative(root.dir(), abs) : abs.toString();
    }

    private Path abs(String p) {
        Path path = Path.of(p);
        return path.isAbsolute() ? path : root.dir().resolve(path).normalize();
    }

    private static byte[] bytes(ObjectNode n) {
        return (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.required(field);
        if (!v.isString()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return v.asString();
    }

    private static String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Instant instant(JsonNode n, String field) {
        String v = optional(n, field);
        return v == null ? null : Instant.parse(v);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
