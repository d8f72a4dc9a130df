package org.oasm.cockpit.selftest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.LocatedDocument;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.schema.Violation;
import org.oasm.substrate.lex.Quoting;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-test's checks that write, each a few real command lines in the scratch cockpit: the
 * session layer of the rules, the artifact store's round trip (and, in the full suite, that a
 * tampered artifact is caught), the conversion round trip through all four formats, each Python
 * module on its sample, and the records the session left: read back by {@code oasm history} in
 * a later session, and every one valid against its schema.
 */
final class ScratchChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The conversion round trip: each step's input, its format and its output. */
    private static final String[][] ROUND_TRIP = {
        {"tree.json", "cbor", "tree.cbor"}, {"tree.cbor", "yaml", "tree.yaml"}, {"tree.yaml", "hdf5", "tree.h5"},
        {"tree.h5", "json", "back.json"}};

    private final Suite suite;
    private final BundledSamples samples;
    private final Supplier<ScratchCockpit> scratch;
    private final String marker = "oasm-selftest-" + java.util.UUID.randomUUID();

    ScratchChecks(Suite suite, BundledSamples samples, Supplier<ScratchCockpit> scratch) {
        this.suite = suite;
        this.samples = samples;
        this.scratch = scratch;
    }

    /** The checks to run before the command blocks: a line to read back later, rules, store, conversion. */
    List<Check> first() {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("records", "session_starts", this::sessionStarts));
        checks.add(new Check("rules", "session_setting_wins", this::sessionSetting));
        checks.add(new Check("store", "round_trip", this::storeRoundTrip));
        checks.add(new Check("store", "tamper_detected", this::tamperDetected));
        checks.add(new Check("convert", "round_trip", this::convertRoundTrip));
        return checks;
    }

    /** The Python modules with a sample that run in this suite (their expect.yaml says which suite). */
    List<String> pythonModules() {
        return samples.folders("python").stream().filter(m -> suite.includes(suiteOf(m))).toList();
    }

    private Suite suiteOf(String module) {
        Suite s = Suite.parse(samples.yaml("python/" + module + "/expect.yaml").map(e -> e.path("suite").asString("full")).orElse("full"));
        return s == null ? Suite.FULL : s;
    }

    List<Check> python() {
        List<Check> checks = new ArrayList<>();
        List<String> run = pythonModules();
        for (String module : samples.folders("python")) {
            checks.add(new Check("python", module, () -> {
                if (!run.contains(module)) {
                    throw new Check.Skipped("full suite only: " + (run.isEmpty() ? "GraalPy's start-up is the slow part"
                            : "the quick suite runs " + String.join(", ", run)));
                }
                return analyze(module);
            }));
        }
        return checks;
    }

    /** The checks to run last: what the session recorded, read back in a new session. */
    List<Check> last() {
        return List.of(new Check("records", "history_reads_back", this::historyReadsBack),
                new Check("records", "valid_against_schemas", this::recordsValid));
    }

    private String sessionStarts() throws Exception {
        ScratchCockpit s = scratch.get();
        ScratchCockpit.Result r = s.run("cd " + Quoting.quote(s.work().toString()) + " && X=" + marker
                + " && export X && echo $X | tr a-z A-Z > marker.txt && env | grep -c '^X=oasm-selftest-'");
        Check.expect(r.status() == 0 && r.out().strip().equals("1"), "a pipeline in the scratch cockpit failed", r.both());
        String upper = Files.readString(s.work().resolve("marker.txt")).strip();
        Check.expect(upper.equals(marker.toUpperCase(java.util.Locale.ROOT)), "the pipeline wrote " + upper, r.both());
        return "scratch root " + s.root().dir() + (s.recording() ? ", recording" : ", recording off by the profile");
    }

    private String sessionSetting() throws Exception {
        ScratchCockpit s = scratch.get();
        ScratchCockpit.Result set = s.run("oasm rules set unsafe_blocks_require_audit=required");
        Check.expect(set.status() == 0, "oasm rules set failed" + TemplateRuns.lastLine(set.err()), set.both());
        ScratchCockpit.Result ex = s.run("oasm rules explain unsafe_blocks_require_audit --domain rust");
        Check.expect(ex.status() == 0, "oasm rules explain failed" + TemplateRuns.lastLine(ex.err()), ex.both());
        Check.expect(ex.out().contains("effective: level required (set by session"),
                "the session setting did not win over the layers below", ex.out());
        return "oasm rules set in the session layer wins: effective level required";
    }

    private String storeRoundTrip() throws Exception {
        ScratchCockpit s = scratch.get();
        Path dir = samples.copy("convert", s.work().resolve("store"));
        String in = Quoting.quote(dir.resolve("tree.json").toString());
        String back = Quoting.quote(dir.resolve("stored.json").toString());
        ScratchCockpit.Result r = s.run("oasm store put " + in + " --as selftest_tree/v1.0 && oasm store get selftest_tree/v1.0 -o "
                + back + " && oasm store list --format json && oasm store verify");
        Check.expect(r.status() == 0, "store put, get, list or verify failed" + TemplateRuns.lastLine(r.err()), r.both());
        Check.expect(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("tree.json")), Files.readAllBytes(dir.resolve("stored.json"))),
                "store get gave back other bytes than store put was given", r.both());
        Check.expect(r.out().contains("selftest_tree/v1.0"), "store list does not list selftest_tree/v1.0", r.out());
        return "put, get (same bytes), list, verify";
    }

    private String tamperDetected() throws Exception {
        if (!suite.includes(Suite.FULL)) {
            throw new Check.Skipped("full suite only: changes a stored artifact and expects store verify to fail");
        }
        ScratchCockpit s = scratch.get();
        Path file;
        try (Stream<Path> walk = Files.walk(s.root().hdf5Store())) {
            file = walk.filter(p -> p.toString().endsWith(".h5")).findFirst()
                    .orElseThrow(() -> new Check.Failed("no stored artifact to tamper with (store.round_trip failed?)"));
        }
        byte[] bytes = Files.readAllBytes(file);
        file.toFile().setWritable(true);
        int at = bytes.length - 1;
        try {
            bytes[at] ^= 0x5a;
            Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            ScratchCockpit.Result r = s.run("oasm store verify");
            Check.expect(r.status() == 1, "store verify passed a tampered artifact (status " + r.status() + ")", r.both());
            Check.expect(r.err().contains(file.getFileName().toString()), "store verify did not name the tampered file", r.err());
            return "a changed byte in " + file.getFileName() + " is reported";
        } finally {
            bytes[at] ^= 0x5a;
            Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        }
    }

    private String convertRoundTrip() throws Exception {
        ScratchCockpit s = scratch.get();
        Path dir = samples.copy("convert", s.work().resolve("convert"));
        StringBuilder line = new StringBuilder("cd " + Quoting.quote(dir.toString()));
        for (String[] step : ROUND_TRIP) {
            line.append(" && oasm convert ").append(step[0]).append(" --to ").append(step[1]).append(" -o ").append(step[2]);
        }
        ScratchCockpit.Result r = s.run(line.toString());
        Check.expect(r.status() == 0, "a conversion failed" + TemplateRuns.lastLine(r.err()), r.both());
        JsonNode original = JSON.readTree(dir.resolve("tree.json").toFile());
        JsonNode back = JSON.readTree(dir.resolve("back.json").toFile());
        Check.expect(original.equals(back), "JSON -> CBOR -> YAML -> HDF5 -> JSON changed the document", back.toString());
        return "JSON -> CBOR -> YAML -> HDF5 -> JSON: the same document (" + Files.size(dir.resolve("tree.h5")) + " bytes of HDF5)";
    }

    /**
     * {@code oasm analyze} on the module's sample ({@code selftest/python/M/}): its
     * {@code expect.yaml} names the {@code file}, the {@code outputs} that must be written, texts
     * the {@code stdout} must contain, and output files to {@code validate} against a schema.
     */
    private String analyze(String module) throws Exception {
        ScratchCockpit s = scratch.get();
        JsonNode expect = samples.yaml("python/" + module + "/expect.yaml")
                .orElseThrow(() -> new Check.Failed("selftest/python/" + module + "/expect.yaml: missing"));
        Path dir = samples.copy("python/" + module + "/input", s.work().resolve("python").resolve(module));
        String input = expect.path("file").asString(".");
        ScratchCockpit.Result r = s.run("cd " + Quoting.quote(dir.toString()) + " && oasm analyze --module " + module + " --file "
                + Quoting.quote(input) + " -o out");
        Check.expect(r.status() == 0, "oasm analyze --module " + module + " failed" + TemplateRuns.lastLine(r.err()), r.both());
        for (String text : BundledSamples.strings(expect.path("stdout"))) {
            Check.expect(r.out().contains(text), "the output lacks \"" + text + "\"", r.both());
        }
        List<String> outputs = BundledSamples.strings(expect.path("outputs"));
        for (String o : outputs) {
            Check.expect(Files.isRegularFile(dir.resolve("out").resolve(o)), "no output " + o, r.both());
        }
        SchemaRegistry registry = SchemaRegistry.open(s.root());
        for (var v : expect.path("validate").properties()) {
            Path file = dir.resolve("out").resolve(v.getKey());
            List<Violation> bad = registry.validate(LocatedDocument.read(file).root(), v.getValue().asString());
            Check.expect(bad.isEmpty(), v.getKey() + " is not a valid " + v.getValue().asString() + ": "
                    + (bad.isEmpty() ? "" : bad.getFirst().jsonPointer() + ": " + bad.getFirst().message()), Files.readString(file));
        }
        return r.out().lines().findFirst().orElse("") + " (" + outputs.size() + " outputs checked)";
    }

    private String historyReadsBack() throws Exception {
        ScratchCockpit s = scratch.get();
        if (!s.recording()) {
            throw new Check.Skipped("the installation's profile turns recording off (provenance.enabled: false)");
        }
        String run = s.runId();
        s.restart();
        ScratchCockpit.Result r = s.run("oasm history --format json --limit 1000 --run " + run + " --grep " + marker);
        Check.expect(r.status() == 0, "oasm history failed" + TemplateRuns.lastLine(r.err()), r.both());
        JsonNode records = JSON.readTree(r.out());
        boolean completed = false;
        for (JsonNode n : records) {
            completed |= n.path("status").asString().equals("Completed") && n.path("exit_status").asInt(-1) == 0;
        }
        Check.expect(completed, "oasm history in a new session does not read back the completed record of run " + run, r.out());
        return records.size() + " records of the marker line read back from run " + run.substring(0, 8);
    }

    private String recordsValid() throws Exception {
        ScratchCockpit s = scratch.get();
        if (!s.recording()) {
            throw new Check.Skipped("the installation's profile turns recording off (provenance.enabled: false)");
        }
        s.restart();
        OasmRoot root = s.root();
        SchemaRegistry registry = SchemaRegistry.open(root);
        int[] counts = new int[4];
        List<String> bad = new ArrayList<>();
        for (Path f : list(root.executionLogs(), ".log")) {
            int n = 0;
            for (String line : Files.readAllLines(f)) {
                n++;
                if (!line.isBlank()) {
                    counts[0]++;
                    valid(registry, JSON.readTree(line), "execution_log", f.getFileName() + ":" + n, bad);
                }
            }
        }
        for (Path f : list(root.provenanceLogs(), ".yaml")) {
            counts[1]++;
            valid(registry, LocatedDocument.read(f).root(), "provenance_log", f.getFileName().toString(), bad);
        }
        for (Path f : list(root.lineageLogs(), ".json")) {
            if (!f.getFileName().toString().equals("lineage_chain.json")) {
                counts[2]++;
                valid(registry, JSON.readTree(f.toFile()), "lineage_log", f.getFileName().toString(), bad);
            }
        }
        for (Path f : list(root.workingCopyLogs(), "_metadata.json")) {
            counts[3]++;
            valid(registry, JSON.readTree(f.toFile()), "working_copy", f.getFileName().toString(), bad);
        }
        Check.expect(bad.isEmpty(), bad.isEmpty() ? "" : bad.getFirst(), String.join("\n", bad));
        Check.expect(counts[0] > 0 && counts[1] > 0, "the session left no execution or provenance records", "");
        return counts[0] + " execution, " + counts[1] + " provenance, " + counts[2] + " lineage, " + counts[3]
                + " working copy records valid";
    }

    private static void valid(SchemaRegistry registry, JsonNode record, String schema, String where, List<String> bad) {
        List<Violation> v = registry.validate(record, schema);
        if (!v.isEmpty()) {
            bad.add(where + ": not a valid " + schema + ": " + v.getFirst().jsonPointer() + ": " + v.getFirst().message());
        }
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
