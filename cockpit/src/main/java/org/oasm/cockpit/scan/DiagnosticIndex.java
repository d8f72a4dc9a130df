package org.oasm.cockpit.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oasm.cockpit.bundle.AtomicWrite;
import org.oasm.cockpit.rules.Severity;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.core.JsonGenerator;

/**
 * The diagnostic index of one scan ({@code diagnostic_index} schema): what {@code oasm scan
 * --format json} prints and what is kept as {@code logs/StructureDebug/baseline_index_{timestamp}.json}.
 * Stored in the HDF5 store, an index is a baseline; {@link #compare} tells new, unchanged and
 * fixed findings apart by their fingerprints.
 */
public final class DiagnosticIndex {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    /** The outcome of comparing a scan with a baseline; fixed findings carry the baseline's positions. */
    public record Comparison(List<Diagnostic> current, List<Diagnostic> fixed) {
        public long count(String status) {
            return current.stream().filter(d -> status.equals(d.status())).count();
        }
    }

    private DiagnosticIndex() {
    }

    /**
     * The index document of a scan, as JSON text on one line: both what {@code --format json}
     * prints and the file kept under {@code logs/} (made once for both; {@code jq .} indents
     * it). {@code fixed} (from a baseline comparison) are listed after the current findings.
     * Written field by field rather than built as a tree first: a large tree's index has tens
     * of thousands of findings.
     */
    public static byte[] json(Scanner.Result r, String path, Instant when, String baseline, List<Diagnostic> current,
            List<Diagnostic> fixed) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(256 + 200 * (current.size() + fixed.size()));
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringProperty("generated", DateTimeFormatter.ISO_INSTANT.format(when.truncatedTo(ChronoUnit.MILLIS)));
            g.writeStringProperty("path", path);
            g.writeStringProperty("baseline", baseline);
            g.writeNumberProperty("files_scanned", r.filesScanned());
            g.writeName("diagnostics");
            g.writeStartArray();
            int errors = 0;
            int warnings = 0;
            int infos = 0;
            long fresh = 0;
            long unchanged = 0;
            for (Diagnostic d : current) {
                write(g, d);
                switch (d.severity()) {
                    case ERROR -> errors++;
                    case WARNING -> warnings++;
                    default -> infos++;
                }
                fresh += "new".equals(d.status()) ? 1 : 0;
                unchanged += "unchanged".equals(d.status()) ? 1 : 0;
            }
            for (Diagnostic d : fixed) {
                write(g, d);
            }
            g.writeEndArray();
            g.writeName("summary");
            g.writeStartObject();
            g.writeNumberProperty("errors", errors);
            g.writeNumberProperty("warnings", warnings);
            g.writeNumberProperty("infos", infos);
            if (baseline != null) {
                g.writeNumberProperty("new", fresh);
                g.writeNumberProperty("unchanged", unchanged);
                g.writeNumberProperty("fixed", fixed.size());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /**
     * Keeps the index under {@code logs/StructureDebug/} and returns its file: written to a
     * temporary file and moved into place, not synced - a log that a new scan makes again.
     */
    public static Path write(OasmRoot root, byte[] json, Instant when) {
        Path dir = root.structureDebugLogs();
        String stem = "baseline_index_" + FILE_TIME.format(when);
        Path file = dir.resolve(stem + ".json");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(stem + "_" + n + ".json");
        }
        AtomicWrite.write(file, json, false);
        return file;
    }

    /** The current (non-fixed) findings of an index document, for use as a baseline. */
    public static List<Diagnostic> read(byte[] content, String name) {
        JsonNode doc;
        try {
            doc = JSON.readTree(content);
        } catch (RuntimeException e) {
            throw new OasmException(name + ": not a diagnostic index (not JSON): " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!doc.isObject() || !doc.path("diagnostics").isArray()) {
            throw new OasmException(name + ": not a diagnostic index (no diagnostics list)");
        }
        List<Diagnostic> out = new ArrayList<>();
        for (JsonNode d : doc.path("diagnostics")) {
            if ("fixed".equals(d.path("status").asString(""))) {
                continue;
            }
            Severity s = Severity.parseOrNull(d.path("severity").asString(""));
            out.add(new Diagnostic(d.path("rule_id").asString(""), s == null ? Severity.INFO : s, d.path("file").asString(""),
                    d.path("line").asInt(1), d.path("column").asInt(1), d.path("message").asString(""),
                    d.path("fingerprint").asString(""), null));
        }
        return out;
    }

    /** Marks each current finding new or unchanged, and lists the baseline's findings that are gone. */
    public static Comparison compare(List<Diagnostic> current, List<Diagnostic> baseline) {
        Set<String> before = new HashSet<>();
        baseline.forEach(d -> before.add(d.fingerprint()));
        Set<String> now = new HashSet<>();
        List<Diagnostic> marked = new ArrayList<>();
        for (Diagnostic d : current) {
            now.add(d.fingerprint());
            marked.add(d.withStatus(before.contains(d.fingerprint()) ? "unchanged" : "new"));
        }
        List<Diagnostic> fixed = baseline.stream().filter(d -> !now.contains(d.fingerprint())).map(d -> d.withStatus("fixed")).toList();
        return new Comparison(marked, fixed);
    }

    private static void write(JsonGenerator g, Diagnostic d) {
        g.writeStartObject();
        g.writeStringProperty("rule_id", d.ruleId());
        g.writeStringProperty("severity", d.severity().json());
        g.writeStringProperty("file", d.file());
        g.writeNumberProperty("line", d.line());
        g.writeNumberProperty("column", d.column());
        g.writeStringProperty("message", d.message());
        g.writeStringProperty("fingerprint", d.fingerprint());
        if (d.status() != null) {
            g.writeStringProperty("status", d.status());
        }
        g.writeEndObject();
    }
}
