package org.oasm.cockpit.selftest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oasm.cockpit.templates.TemplateCatalog;
import org.oasm.formats.store.ArtifactStore;
import org.oasm.substrate.lex.Quoting;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command block of the installation on its sample ({@code selftest/templates/ID/}): a real
 * {@code oasm execute --yes} in the scratch cockpit, its exit status and output as the sample's
 * {@code expect.yaml} says. A block that changes files must commit with a lineage record that
 * {@code oasm history --lineage-id} reads back, and {@code oasm revert} must give back every
 * byte; a block that changes nothing must leave the sample as it was.
 *
 * <p>{@code expect.yaml}: {@code suite} (quick or full; default full), {@code params} (the
 * {@code --param K=V} values), {@code requires} (programs that must be on PATH, else the run is
 * skipped), {@code python_modules} (modules {@code python3} must import, else skipped), {@code status} (default 0), {@code change} (default false), {@code stdout}
 * (texts the output must contain).
 */
final class TemplateRuns {

    private static final Pattern LINEAGE = Pattern.compile("; lineage ([0-9a-f-]{36}); undo with");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Suite suite;
    private final BundledSamples samples;
    private final Supplier<ScratchCockpit> scratch;
    private final List<String> lineages = new ArrayList<>();

    TemplateRuns(Suite suite, BundledSamples samples, Supplier<ScratchCockpit> scratch) {
        this.suite = suite;
        this.samples = samples;
        this.scratch = scratch;
    }

    /** One check per command block of the installation (stored blocks are validated, not run). */
    List<Check> all(TemplateCatalog catalog) {
        List<Check> checks = new ArrayList<>();
        List<String> withSamples = samples.folders("templates");
        for (TemplateCatalog.Entry e : catalog.blocks()) {
            if (e.origin() == TemplateCatalog.Origin.STORE) {
                continue;
            }
            checks.add(new Check("templates.run", e.id(), () -> {
                if (!withSamples.contains(e.id())) {
                    throw new Check.Skipped("no sample: add selftest/templates/" + e.id() + "/ (expect.yaml, sample/) to the root");
                }
                return run(e.id());
            }));
        }
        return checks;
    }

    /** The lineage ids of the changes the runs committed (and reverted). */
    List<String> lineages() {
        return lineages;
    }

    private String run(String id) throws Exception {
        String base = "templates/" + id;
        JsonNode expect = samples.yaml(base + "/expect.yaml")
                .orElseThrow(() -> new Check.Failed("selftest/" + base + "/expect.yaml: missing"));
        Suite wanted = Suite.parse(expect.path("suite").asString("full"));
        if (wanted == null || !suite.includes(wanted)) {
            throw new Check.Skipped("full suite only: " + expect.path("why").asString("runs outside programs"));
        }
        for (String program : BundledSamples.strings(expect.path("requires"))) {
            if (!BundledSamples.onPath(program)) {
                throw new Check.Skipped("needs " + program + ", which is not installed (not found on PATH)");
            }
        }
        for (String module : BundledSamples.strings(expect.path("python_modules"))) {
            if (!BundledSamples.pythonImports(module)) {
                throw new Check.Skipped("needs the Python module " + module + ", which python3 cannot import");
            }
        }
        ScratchCockpit s = scratch.get();
        Path target = samples.copy(base + "/sample", s.work().resolve("templates").resolve(id));
        Map<String, byte[]> before = BundledSamples.snapshot(target);
        StringBuilder line = new StringBuilder("oasm execute --yes --template " + Quoting.quote(id) + " --target " + Quoting.quote(target.toString()));
        for (String p : BundledSamples.strings(expect.path("params"))) {
            line.append(" --param ").append(Quoting.quote(p));
        }
        ScratchCockpit.Result r = s.run(line.toString());
        int status = expect.path("status").asInt(0);
        Check.expect(r.status() == status, "oasm execute ended with status " + r.status() + ", expected " + status
                + lastLine(r.err()), r.both());
        for (String text : BundledSamples.strings(expect.path("stdout"))) {
            Check.expect(r.out().contains(text), "the output lacks \"" + text + "\"", r.both());
        }
        if (!expect.path("change").asBoolean(false)) {
            List<String> changed = BundledSamples.differences(before, BundledSamples.snapshot(target));
            Check.expect(changed.isEmpty(), "the block changed " + changed + " but should change nothing", r.both());
            return "exit " + r.status() + ", sample unchanged";
        }
        Matcher m = LINEAGE.matcher(r.out());
        Check.expect(m.find(), "no lineage record: the change was not committed (is provenance off?)", r.both());
        String lineage = m.group(1);
        lineages.add(lineage);
        List<String> changed = BundledSamples.differences(before, BundledSamples.snapshot(target));
        Check.expect(!changed.isEmpty(), "the commit changed no file of the sample", r.both());
        ScratchCockpit.Result history = s.run("oasm history --format json --lineage-id " + lineage);
        Check.expect(history.status() == 0, "oasm history --lineage-id " + lineage + " failed" + lastLine(history.err()), history.both());
        JsonNode chain = JSON.readTree(history.out());
        Check.expect(chain.isArray() && !chain.isEmpty() && lineage.equals(chain.get(0).path("lineage_id").asString()),
                "oasm history does not read back lineage " + lineage, history.out());
        ScratchCockpit.Result revert = s.run("oasm revert --lineage-id " + lineage);
        Check.expect(revert.status() == 0, "oasm revert --lineage-id " + lineage + " failed" + lastLine(revert.err()), revert.both());
        List<String> left = BundledSamples.differences(before, BundledSamples.snapshot(target));
        Check.expect(left.isEmpty(), "the revert did not restore " + left, revert.both());
        return changed.size() + (changed.size() == 1 ? " file" : " files") + " changed, lineage " + lineage.substring(0, 8)
                + " read back, reverted byte for byte";
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "" : ": " + lines[lines.length - 1];
    }
}
