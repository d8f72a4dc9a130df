package org.oasm.cockpit.selftest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.oasm.bridge.Bindings;
import org.oasm.cockpit.bundle.DataTree;
import org.oasm.cockpit.rules.Layer;
import org.oasm.cockpit.rules.Level;
import org.oasm.cockpit.rules.ResolvedRule;
import org.oasm.cockpit.rules.RuleHierarchy;
import org.oasm.cockpit.rules.Rules;
import org.oasm.cockpit.templates.BlockLoader;
import org.oasm.cockpit.templates.TemplateCatalog;
import org.oasm.cockpit.templates.TemplateChecks;
import org.oasm.formats.manifest.ManifestLoader;
import org.oasm.formats.manifest.ManifestReport;
import org.oasm.formats.manifest.Problem;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.LocatedDocument;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.schema.Violation;
import org.oasm.formats.store.ArtifactStore;
import org.oasm.formats.store.StoreProblem;
import tools.jackson.databind.JsonNode;

/**
 * The checks that read the user's root and write nothing to it: the manifest, every schema,
 * every command block and rule file, the Python bindings, the rule hierarchy, the artifact store's hashes, and whether
 * the log and artifact folders can be written (probed with a file that is deleted at once; a
 * folder that does not exist yet is judged by the folder it would be created in).
 */
final class InstallationChecks {

    /** The folders the cockpit writes records and artifacts into, relative to the root. */
    static final List<String> WRITABLE = List.of("logs/execution", "logs/provenance", "logs/lineage", "logs/working_copies",
            "logs/history", "artifacts/hdf5", "artifacts/working", "artifacts/diffs");

    private static final String BINDINGS = "org/oasm/bridge/python/bindings.yaml";

    private final OasmRoot root;
    private final ArtifactStore store;

    InstallationChecks(OasmRoot root, ArtifactStore store) {
        this.root = root;
        this.store = store;
    }

    List<Check> all() {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("installation", "manifest", this::manifest));
        SchemaRegistry registry = SchemaRegistry.open(root);
        for (String id : registry.ids()) {
            checks.add(new Check("schemas", id, () -> schema(registry, id)));
        }
        checks.add(new Check("installation", "writable_folders", this::writable));
        checks.add(new Check("store", "verify", this::storeVerify));
        TemplateCatalog catalog = TemplateCatalog.open(root, store);
        TemplateChecks templateChecks = new TemplateChecks(root);
        for (TemplateCatalog.Entry e : catalog.blocks()) {
            checks.add(new Check("templates.validate", e.id(), () -> block(templateChecks, e)));
        }
        for (DataTree.Entry e : catalog.ruleFiles()) {
            checks.add(new Check("templates.validate", e.path().replaceFirst("\\.ya?ml$", ""),
                    () -> ruleFile(templateChecks, e, catalog.ruleFiles())));
        }
        checks.add(new Check("python", "bindings", this::bindings));
        checks.add(new Check("rules", "hierarchy", this::hierarchy));
        checks.add(new Check("rules", "plan_example_shipped", InstallationChecks::planExample));
        return checks;
    }

    private String manifest() throws Check.Failed {
        ManifestReport report = ManifestLoader.load(root);
        fail(report.problems());
        return report.manifest().schemas().size() + " schemas, " + report.manifest().modules().size() + " modules";
    }

    private static String schema(SchemaRegistry registry, String id) throws Check.Failed {
        List<Violation> violations = registry.check(id);
        if (!violations.isEmpty()) {
            throw new Check.Failed(registry.location(id) + ": " + violations.getFirst().jsonPointer() + ": "
                    + violations.getFirst().message(), violations.stream().map(v -> v.jsonPointer() + ": " + v.message())
                    .collect(Collectors.joining("\n")));
        }
        return registry.location(id);
    }

    private String writable() throws Check.Failed, IOException {
        List<String> bad = new ArrayList<>();
        for (String folder : WRITABLE) {
            Path dir = root.dir().resolve(folder);
            if (Files.isDirectory(dir)) {
                try {
                    Files.delete(Files.createTempFile(dir, ".oasm-selftest-", ".probe"));
                } catch (IOException e) {
                    bad.add(folder + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
                }
                continue;
            }
            Path existing = dir.getParent();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
                bad.add(folder + " (cannot be created: " + existing + " is not a writable folder)");
            }
        }
        if (!bad.isEmpty()) {
            throw new Check.Failed(root.dir() + ": not writable: " + String.join(", ", bad));
        }
        return WRITABLE.size() + " folders under " + root.dir();
    }

    private String storeVerify() throws Check.Failed {
        if (!Files.isDirectory(root.hdf5Store())) {
            return "no artifacts stored yet";
        }
        List<StoreProblem> problems = store.verify();
        if (!problems.isEmpty()) {
            throw new Check.Failed("store verify: " + problems.getFirst() + (problems.size() > 1
                    ? " (and " + (problems.size() - 1) + " more)" : ""),
                    problems.stream().map(StoreProblem::toString).collect(Collectors.joining("\n")));
        }
        return store.list().size() + " artifacts intact";
    }

    private static String block(TemplateChecks checks, TemplateCatalog.Entry e) throws Check.Failed {
        BlockLoader.Loaded loaded = checks.block(e);
        fail(loaded.problems());
        return e.source() + ", " + loaded.lines() + " lines";
    }

    private static String ruleFile(TemplateChecks checks, DataTree.Entry e, List<DataTree.Entry> all) throws Check.Failed {
        fail(checks.ruleFile(e, all));
        return e.name();
    }

    /**
     * The bridge's bindings manifest without starting GraalPy: it is a valid bindings_manifest,
     * and each module's source is bundled and defines every function the manifest lists.
     */
    private String bindings() throws Check.Failed, IOException {
        JsonNode doc;
        try (InputStream in = Bindings.class.getClassLoader().getResourceAsStream(BINDINGS)) {
            if (in == null) {
                throw new Check.Failed(BINDINGS + ": not on the class path");
            }
            doc = LocatedDocument.read(BINDINGS, in).root();
        }
        List<Violation> v = SchemaRegistry.open(root).validate(doc, "bindings_manifest");
        Check.expect(v.isEmpty(), BINDINGS + ": " + (v.isEmpty() ? "" : v.getFirst().jsonPointer() + ": " + v.getFirst().message()), "");
        Bindings bindings = Bindings.bundled();
        for (String id : bindings.ids()) {
            Bindings.Binding b = bindings.get(id).orElseThrow();
            String source;
            try (InputStream in = Bindings.class.getClassLoader().getResourceAsStream(b.resource())) {
                Check.expect(in != null, id + ": " + b.resource() + " is not bundled", "");
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String f : b.functions()) {
                Check.expect(Pattern.compile("^def " + Pattern.quote(f) + "\\(", Pattern.MULTILINE).matcher(source).find(),
                        id + ": " + b.resource() + " defines no function " + f, "");
            }
        }
        return String.join(", ", bindings.ids()) + ": bundled, every listed function defined";
    }

    private String hierarchy() throws Check.Failed {
        Rules.Loaded loaded = Rules.load(root, null);
        fail(loaded.problems());
        RuleHierarchy h = loaded.hierarchy();
        int rules = h.resolve(null).size();
        for (String domain : h.domains()) {
            h.resolve(domain);
        }
        return rules + " rules in " + h.domains().size() + " domains (" + String.join(", ", h.domains()) + ")";
    }

    /**
     * The plan's example on the rule files shipped in the jar: the Rust domain requires the unsafe
     * audit, the project layer makes it optional, the session filter {@code skip_unsafe_audit}
     * turns it off, and the session wins.
     */
    private static String planExample() throws Check.Failed, IOException {
        Path empty = Files.createTempDirectory("oasm-selftest-rules-");
        try {
            RuleHierarchy h = Rules.load(new OasmRoot(empty), null).hierarchy();
            var ex = h.explain("unsafe_blocks_require_audit", "rust")
                    .orElseThrow(() -> new Check.Failed("the shipped rules define no unsafe_blocks_require_audit"));
            String says = ex.says().stream().filter(s -> s.setting().level() != null)
                    .map(s -> s.layer().json() + " " + s.setting().level().json()).collect(Collectors.joining(", "));
            Check.expect(says.equals("session off, project optional, domain required"),
                    "unsafe_blocks_require_audit: expected session off, project optional, domain required; found " + says, says);
            ResolvedRule r = ex.resolved();
            Check.expect(r.level().value() == Level.OFF && r.level().layer() == Layer.SESSION,
                    "unsafe_blocks_require_audit resolves to " + r.level().value().json() + " from " + r.level().layer().json()
                            + ", expected off from the session", r.level().source());
            return "unsafe_blocks_require_audit: " + says + " -> off (session wins)";
        } finally {
            Files.deleteIfExists(empty);
        }
    }

    /** Fails with the first problem as the message and every problem as the evidence. */
    static void fail(List<Problem> problems) throws Check.Failed {
        if (!problems.isEmpty()) {
            throw new Check.Failed(problems.getFirst() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""),
                    problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        }
    }
}
