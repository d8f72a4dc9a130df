package org.oasm.cockpit.scan;

import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

    /** The index document of a scan; {@code fixed} (from a baseline comparison) are listed after the current findings. */
    public static ObjectNode document(Scanner.Result r, String path, Instant when, String baseline, List<Diagnostic> current,
            List<Diagnostic> fixed) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("generated", DateTimeFormatter.ISO_INSTANT.format(when.truncatedTo(ChronoUnit.MILLIS)));
        doc.put("path", path);
        doc.put("baseline", baseline);
        doc.put("files_scanned", r.filesScanned());
        ArrayNode list = doc.putArray("diagnostics");
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        for (Diagnostic d : current) {
            add(list, d);
            switch (d.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                default -> infos++;
            }
        }
        fixed.forEach(d -> add(list, d));
        ObjectNode summary = doc.putObject("summary").put("errors", errors).put("warnings", warnings).put("infos", infos);
        if (baseline != null) {
            summary.put("new", current.stream().filter(d -> "new".equals(d.status())).count())
                    .put("unchanged", current.stream().filter(d -> "unchanged".equals(d.status())).count())
                    .put("fixed", fixed.size());
        }
        return doc;
    }

    /** Writes the index under {@code logs/StructureDebug/} and returns its file. */
    public static Path write(OasmRoot root, ObjectNode doc, Instant when) {
        Path dir = root.structureDebugLogs();
        String stem = "baseline_index_" + FILE_TIME.format(when);
        Path file = dir.resolve(stem + ".json");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(stem + "_" + n + ".json");
        }
        AtomicWrite.write(file, (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8));
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

    private static void add(ArrayNode list, Diagnostic d) {
        ObjectNode o = list.addObject().put("rule_id", d.ruleId()).put("severity", d.severity().json())
                .put("file", d.file()).put("line", d.line()).put("column", d.column()).put("message", d.message())
                .put("fingerprint", d.fingerprint());
        if (d.status() != null) {
            o.put("status", d.status());
        }
    }
}
