package org.oasm.cockpit.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitHarness;
import org.oasm.cockpit.Samples;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code oasm execute} and {@code oasm revert}: what is written when, what is recorded, what is refused. */
class ExecuteCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINEAGE = Pattern.compile("; lineage ([0-9a-f-]{36}); undo with");

    @TempDir
    Path dir;

    private static String lineage(CockpitHarness.Result r) {
        Matcher m = LINEAGE.matcher(r.out());
        assertTrue(m.find(), r.out() + r.err());
        return m.group(1);
    }

    private static JsonNode lineageRecord(CockpitHarness c, String id) throws IOException {
        return JSON.readTree(c.root().resolve("logs/lineage/" + id + ".json").toFile());
    }

    /** A command block in the root's own templates/command_blocks/repair/. */
    private static void template(CockpitHarness c, String id, String steps) throws IOException {
        Path f = c.root().resolve("templates/command_blocks/repair/" + id + ".yaml");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "id: " + id + "\ndescription: a test block\nkind: repair\n"
                + "parameters:\n  marker: {type: string, default: none, description: a file to touch}\n"
                + "targets: [\"**/*\"]\n" + steps);
    }

    @Test
    void aDryRunShowsTheDiffAndWritesNothingAnywhere() throws IOException {
        CockpitHarness c = new CockpitHarness(dir);
        Path target = Samples.copy("rust_crate", dir);
        c.run("true");
        Map<String, byte[]> rootBefore = Samples.tree(c.root());
        Map<String, byte[]> before = Samples.tree(target);
        var r = c.run("oasm execute --template fix_unsafe_blocks --target " + target + " --dry-run");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("+    // SAFETY: TODO: explain why this unsafe block is sound\n"), r.out());
        assertTrue(r.out().contains("2 files changed, 3 insertions(+), 0 deletions(-)\ndry run: nothing was written\n"), r.out());
        Samples.assertSameTree(before, Samples.tree(target));
        Samples.assertSameTree(rootBefore, Samples.tree(c.root()));
    }

    @Test
    void withoutATerminalOrYesNothingIsCommittedAndTheCopyIsDiscarded() throws IOException {
        CockpitHarness c = new CockpitHarness(dir);
        Path target = Samples.copy("rust_crate", dir);
        Map<String, byte[]> before = Samples.tree(target);
        var r = c.run("oasm execute --template fix_unsafe_blocks --target " + target);
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith("oasm: execute: not committed: standard input is not a terminal and --yes was not given; the working copy"
                + " was discarded and " + target + " is unchanged (run again with --yes to commit)\n"), "after cargo's own warnings: " + r.err());
        Samples.assertSameTree(before, Samples.tree(target));
        assertTrue(c.run("oasm workcopy list").out().contains(" discarded "), "the copy is marked discarded");
        try (Stream<Path> left = Files.list(c.root().resolve("artifacts/working"))) {
            assertEquals(0, left.count(), "the copy's files are gone");
        }
    }

    @Test
    void atATerminalTheAnswerDecides() throws IOException {
        CockpitHarness c = new CockpitHarness(dir);
        Path target = Samples.copy("rust_crate", dir);
        Files.writeString(dir.resolve("no.txt"), "n\n");
        Files.writeString(dir.resolve("yes.txt"), "y\n");
        String saved = System.getProperty("oasm.stdin.tty");
        System.setProperty("oasm.stdin.tty", "true");
        try {
            var no = c.run("oasm execute --template fix_unsafe_blocks --target " + target + " < " + dir.resolve("no.txt"));
            assertEquals(0, no.status(), no.err());
            assertTrue(no.out().contains("commit 2 files to " + target + "? [y/N] not committed; the working copy was discarded"), no.out());
            assertFalse(Files.readString(target.resolve("src/lib.rs")).contains("SAFETY: TODO"));
            var yes = c.run("oasm execute --template fix_unsafe_blocks --target " + target + " < " + dir.resolve("yes.txt"));
            assertEquals(0, yes.status(), yes.err());
            assertTrue(Files.readString(target.resolve("src/lib.rs")).contains("SAFETY: TODO"));
        } finally {
            if (saved == null) {
                System.clearProperty("oasm.stdin.tty");
            } else {
                System.setProperty("oasm.stdin.tty", saved);
            }
        }
    }

    @Test
    void aFailingStepDiscardsTheCopyAndNamesTheStep() throws IOException {
        CockpitHarness c = new CockpitHarness(dir);
        template(c, "edit_then_fail", """
                steps:
                  - name: change
                    edit: {files: "**/*.rs", find: "fn", replace: "FN"}
                  - name: must_fail
                    assert: {file_lacks: {file: "**/*.rs", text: "FN"}, message: the edit went too far}
                """);
        Path target = Samples.copy("rust_crate", dir);
        Map<String, byte[]> before = Samples.tree(target);
        var r = c.run("oasm execute --template edit_then_fail --target " + target + " --yes");
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("oasm: execute: step 2 'must_fail' failed: the edit went too far (src/ffi.rs:2 contains 'FN');"
                + " the working copy was discarded"), r.err());
        Samples.assertSameTree(before, Samples.tree(target));
    }

    @Test
    void stepsAreRecordedAsTheAutomationAndTheCommitAsALineageRecordThatValidates() throws IOException {
        CockpitHarness c = new CockpitHarness(dir, true);
        Path target = Samples.copy("rust_crate", dir);
        var r = c.run("oasm execute --template fix_unsafe_blocks --target " + target + " --yes");
        assertEquals(0, r.status(), r.err());
        String id = lineage(r);
        c.close();
        SchemaRegistry schemas = SchemaRegistry.open(new OasmRoot(c.root()));
        JsonNode record = lineageRecord(c, id);
        assertEquals(List.of(), schemas.validate(record, "lineage_log"));
        assertEquals("oasm revert --lineage-id " + id, record.path("revert_command").asString());
        assertTrue(record.path("command_executed").asString().startsWith("oasm execute --template fix_unsafe_blocks --target "),
                record.toString());
        assertEquals(List.of("every_unsafe_block_documented", "cargo_check"),
                record.path("tests").valueStream().map(t -> t.path("name").asString()).toList());
        assertEquals(2, record.path("changed_files").size());
        List<JsonNode> steps = new ArrayList<>();
        try (Stream<Path> logs = Files.list(c.root().resolve("logs/execution"))) {
            for (Path log : logs.filter(p -> !p.getFileName().toString().startsWith("errors_")).toList()) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    JsonNode rec = JSON.readTree(line);
                    assertEquals(List.of(), schemas.validate(rec, "execution_log"), line);
                    if (rec.path("actor").path("type").asString().equals("Automation")) {
                        steps.add(rec);
                    }
                }
            }
        }
        List<String> seen = steps.stream().filter(s -> s.path("scope").asString().equals("Stage")
                && s.path("context").has("step")).map(s -> s.path("actor").path("rule_id").asString() + " " + s.path("status").asString()).toList();
        assertTrue(seen.containsAll(List.of("fix_unsafe_blocks/add_safety_comment Started", "fix_unsafe_blocks/add_safety_comment Completed",
                "fix_unsafe_blocks/every_unsafe_block_documented Completed")), seen.toString());
        assertTrue(steps.stream().anyMatch(s -> s.path("command").asString().startsWith("cargo check")),
                "the run step's command line is recorded as the automation too");
        List<JsonNode> provenance = new ArrayList<>();
        try (Stream<Path> files = Files.list(c.root().resolve("logs/provenance"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                provenance.add(org.oasm.formats.schema.LocatedDocument.read(f).root());
            }
        }
        JsonNode execute = provenance.stream().filter(p -> p.path("command_block_id").asString().equals("fix_unsafe_blocks"))
                .findFirst().orElseThrow(() -> new AssertionError("no provenance record of the block: " + provenance));
        assertEquals(List.of(), schemas.validate(execute, "provenance_log"));
        assertEquals("Success", execute.path("outcome").asString());
        assertEquals(2, execute.path("impact").path("files_changed").asInt());
        assertEquals(id, execute.path("context").path("lineage_id").asString());
    }

    @Test
    void aRevertRefusesAFileChangedSinceNamingItAndIsItselfRevertible() throws IOException {
        CockpitHarness c = new CockpitHarness(dir, true);
        Path target = Samples.copy("rust_crate", dir);
        Map<String, byte[]> original = Samples.tree(target);
        String first = lineage(c.run("oasm execute --template fix_unsafe_blocks --target " + target + " --yes"));
        Map<String, byte[]> fixed = Samples.tree(target);
        Path lib = target.resolve("src/lib.rs");
        Files.writeString(lib, Files.readString(lib) + "// edited by hand\n");
        var refused = c.run("oasm revert --lineage-id " + first);
        assertEquals(1, refused.status());
        assertTrue(refused.err().startsWith("oasm: " + lib + ": changed since lineage " + first), refused.err());
        assertTrue(refused.err().endsWith("revert with --force to overwrite it\n"), refused.err());
        var forced = c.run("oasm revert --lineage-id " + first + " --force");
        assertEquals(0, forced.status(), forced.err());
        Samples.assertSameTree(original, Samples.tree(target));
        String revert = lineage(forced);
        JsonNode record = lineageRecord(c, revert);
        assertEquals(first, record.path("parent_lineage_id").asString());
        assertEquals(List.of(first), record.path("provenance").path("lineage_chain").valueStream().map(JsonNode::asString).toList());
        var undo = c.run("oasm revert --lineage-id " + revert);
        assertEquals(0, undo.status(), undo.err());
        Map<String, byte[]> handEdited = new java.util.TreeMap<>(fixed);
        handEdited.put("src/lib.rs", Files.readAllBytes(lib));
        assertTrue(new String(handEdited.get("src/lib.rs")).endsWith("// edited by hand\n"), "reverting the forced revert brings back the hand edit");
        Samples.assertSameTree(handEdited, Samples.tree(target));
        assertEquals(2, lineageRecord(c, lineage(undo)).path("provenance").path("lineage_chain").size());
        var missing = c.run("oasm revert --lineage-id 00000000-0000-0000-0000-000000000000");
        assertEquals(1, missing.status());
        assertTrue(missing.err().endsWith("00000000-0000-0000-0000-000000000000.json: no such lineage record\n"), missing.err());
    }

    @Test
    void aSingleFileCanBeTheTarget() throws IOException {
        CockpitHarness c = new CockpitHarness(dir, true);
        Path lib = Samples.copy("rust_crate", dir).resolve("src/lib.rs");
        byte[] before = Files.readAllBytes(lib);
        var r = c.run("oasm execute --template fix_unsafe_blocks --target " + lib + " --yes");
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("step 1/1 add_safety_comment (edit): passed; 1 file changed, +1 -0"), r.out());
        assertEquals(0, c.run("oasm revert --lineage-id " + lineage(r)).status());
        assertEquals(new String(before), Files.readString(lib));
    }

    @Test
    void parametersAreCheckedBeforeAnythingRuns() throws IOException {
        CockpitHarness c = new CockpitHarness(dir);
        Path target = Samples.copy("python_pkg", dir);
        var unknown = c.run("oasm execute --template coverage_check --target " + target + " --param colour=red");
        assertEquals(2, unknown.status());
        assertEquals("oasm: execute: --param colour: template coverage_check has no such parameter (it takes min_percent)\n", unknown.err());
        var type = c.run("oasm execute --template coverage_check --target " + target + " --param min_percent=lots");
        assertEquals(2, type.status());
        assertEquals("oasm: execute: --param min_percent: expected a number, found 'lots'\n", type.err());
        var noTemplate = c.run("oasm execute --template nope --target " + target);
        assertEquals(1, noTemplate.status());
        assertEquals("oasm: execute: no template 'nope' (see: oasm templates list)\n", noTemplate.err());
        var noTarget = c.run("oasm execute --template fix_imports --target " + dir.resolve("absent"));
        assertEquals("oasm: " + dir.resolve("absent") + ": no such file or folder\n", noTarget.err());
        assertEquals(2, c.run("oasm execute --target " + target).status());
    }

    @Test
    void aPythonStepRunsOnTheBridgeAndWhatItWritesIsPartOfTheChange() throws IOException {
        CockpitHarness c = new CockpitHarness(dir, true);
        template(c, "graph_it", "parameters:\n  source: {type: string, default: geometry.py, description: the file to graph}\n"
                + "steps:\n  - name: graphs\n    python: {module: analysis_viz, args: {files: [\"${source}\"], output: graphs}}\n");
        Path target = Samples.copy("python_pkg", dir);
        Map<String, byte[]> before = Samples.tree(target);
        var r = c.run("oasm execute --template graph_it --target " + target + " --yes");
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> graphs;
        try (Stream<Path> files = Files.list(target.resolve("graphs"))) {
            graphs = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertTrue(graphs.stream().anyMatch(f -> f.startsWith("geometry") && f.endsWith(".dot")), graphs.toString());
        assertTrue(graphs.stream().anyMatch(f -> f.endsWith(".mmd")), graphs.toString());
        assertTrue(graphs.stream().allMatch(f -> Files.isRegularFile(target.resolve("graphs").resolve(f))), "no staging folder left");
        JsonNode record = lineageRecord(c, lineage(r));
        assertTrue(record.toString().contains("graphs/"), record.toString());
        Map<String, byte[]> after = Samples.tree(target);
        after.keySet().removeIf(k -> k.startsWith("graphs/"));
        Samples.assertSameTree(before, after);
    }

    @Test
    void aPythonStepsErrorFailsTheStepInOneLineAndAPathOutsideTheCopyIsRefused() throws IOException {
        CockpitHarness c = new CockpitHarness(dir);
        Path target = Samples.copy("python_pkg", dir);
        Map<String, byte[]> before = Samples.tree(target);
        template(c, "bad_input", "steps:\n  - name: cluster\n    python: {module: pattern_lab, args: {files: [geometry.py]}}\n");
        var r = c.run("oasm execute --template bad_input --target " + target + " --yes");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("python step pattern_lab.main: ") || r.err().contains("python step pattern_lab.main: "), r.out() + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        template(c, "escape", "steps:\n  - name: peek\n    python: {module: analysis_viz, args: {files: [../../etc/passwd]}}\n");
        var escape = c.run("oasm execute --template escape --target " + target + " --yes");
        assertEquals(1, escape.status());
        assertTrue(escape.err().contains("the python step's files '../../etc/passwd' is outside the working copy"), escape.err());
        Samples.assertSameTree(before, Samples.tree(target));
    }

    @Test
    void aTemplateOverAHundredLinesIsRefusedWithItsCount() throws IOException {
        CockpitHarness c = new CockpitHarness(dir);
        StringBuilder steps = new StringBuilder("steps:\n");
        for (int i = 0; i < 55; i++) {
            steps.append("  - name: s").append(i).append("\n    run: {command: \"true\"}\n");
        }
        template(c, "too_big", steps.toString());
        var v = c.run("oasm templates validate too_big");
        assertEquals(1, v.status());
        assertEquals("templates/command_blocks/repair/too_big.yaml:101: 117 lines, over the limit of 100 for a template:"
                + " larger logic belongs in a module\n", v.out());
        var x = c.run("oasm execute --template too_big --target " + dir + " --yes");
        assertEquals(1, x.status());
        assertTrue(x.err().contains("117 lines, over the limit of 100"), x.err());
        var all = c.run("oasm templates validate");
        assertEquals(1, all.status());
        assertTrue(all.out().endsWith("28 checked, 1 with problems\n"), all.out());
    }

    @Test
    void templatesKeptInTheStoreRunWithTheirReferenceAndAreRefusedWhenTampered() throws Exception {
        CockpitHarness c = new CockpitHarness(dir, true);
        Path block = dir.resolve("stored_fix.yaml");
        Files.writeString(block, """
                id: stored_fix
                description: Marks every TODO as tracked.
                kind: repair
                targets: ["**/*.rs"]
                steps:
                  - edit: {files: "**/*.rs", find: "TODO", replace: "TODO(#1)"}
                """);
        assertEquals(0, c.run("oasm store put " + block + " --as template_stored_fix/v1.0").status());
        var list = c.run("oasm templates list --kind repair");
        assertTrue(list.out().lines().anyMatch(l -> l.matches("stored_fix\\s+repair\\s+/artifacts/template_stored_fix/v1.0\\s+Marks every TODO as tracked.")),
                list.out());
        Path target = Samples.copy("rust_crate", dir);
        Files.writeString(target.resolve("src/todo.rs"), "// TODO: more\n");
        var r = c.run("oasm execute --template /artifacts/template_stored_fix/v1.0 --target " + target + " --yes");
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals("/artifacts/template_stored_fix/v1.0",
                lineageRecord(c, lineage(r)).path("provenance").path("hdf5_template_id").asString());
        assertEquals("// TODO(#1): more\n", Files.readString(target.resolve("src/todo.rs")));
        Path h5 = c.root().resolve("artifacts/hdf5/templates/template_stored_fix/v1.0.h5");
        h5.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(h5);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("Marks every TODO");
        assertTrue(at > 0, "the content is stored as it is");
        bytes[at] = 'm';
        Files.write(h5, bytes);
        var tampered = c.run("oasm execute --template /artifacts/template_stored_fix/v1.0 --target " + target + " --yes");
        assertEquals(1, tampered.status());
        assertTrue(tampered.err().contains("content does not match its recorded sha256"), tampered.err());
        assertTrue(c.run("oasm templates list").out().contains("REFUSED: "), "the listing says so");
    }

    @Test
    void templatesShowAndListByKind() throws IOException {
        CockpitHarness c = new CockpitHarness(dir);
        var show = c.run("oasm templates show fix_unsafe_blocks");
        assertEquals(0, show.status());
        assertTrue(show.out().startsWith("# Every Rust unsafe block gains a `// SAFETY:` comment"), show.out());
        var rule = c.run("oasm templates show rules/session/active_filters");
        assertTrue(rule.out().contains("skip_unsafe_audit:"), rule.out());
        var cad = c.run("oasm templates list --kind cad");
        assertEquals(List.of("export_step", "parametric_constraint", "topology_validation"),
                cad.out().lines().map(l -> l.split("\\s+")[0]).toList());
        assertEquals(2, c.run("oasm templates list --kind widgets").status());
    }
}
