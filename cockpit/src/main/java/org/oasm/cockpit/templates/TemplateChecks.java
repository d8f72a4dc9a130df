package org.oasm.cockpit.templates;

import java.util.ArrayList;
import java.util.List;
import org.oasm.cockpit.bundle.DataTree;
import org.oasm.cockpit.rules.RuleFile;
import org.oasm.cockpit.rules.RuleFileReader;
import org.oasm.cockpit.rules.RuleHierarchy;
import org.oasm.cockpit.rules.RuleText;
import org.oasm.formats.manifest.Problem;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;

/**
 * What {@code oasm templates validate} checks: for a command block, everything the loader checks
 * plus that its id and kind agree with its file name and folder; for a rule file, everything the
 * rule reader checks plus that each setting names a rule some layer defines.
 */
public final class TemplateChecks {

    private final OasmRoot root;
    private final SchemaRegistry schemas;

    public TemplateChecks(OasmRoot root) {
        this.root = root;
        this.schemas = SchemaRegistry.open(root);
    }

    /** The problems of a command block and its line count. */
    public BlockLoader.Loaded block(TemplateCatalog.Entry e) {
        if (e.refusal() != null) {
            return new BlockLoader.Loaded(null, 0, List.of(new Problem(e.source(), 0, e.refusal())));
        }
        BlockLoader.Loaded l = new BlockLoader(schemas).load(e.source(), e.content());
        if (l.block() == null || e.path() == null) {
            return l;
        }
        List<Problem> ps = new ArrayList<>(l.problems());
        String[] parts = e.path().split("/");
        String stem = parts[parts.length - 1].replaceFirst("\\.ya?ml$", "");
        if (!stem.equals(l.block().id())) {
            ps.add(new Problem(e.source(), 1, "id '" + l.block().id() + "' does not match the file name " + parts[parts.length - 1]));
        }
        if (parts.length > 2 && !parts[1].equals(l.block().kind())) {
            ps.add(new Problem(e.source(), 1, "kind '" + l.block().kind() + "' does not match the folder command_blocks/" + parts[1]));
        }
        return new BlockLoader.Loaded(l.block(), l.lines(), ps);
    }

    /** The problems of one rule file, judged against every other rule file of the tree. */
    public List<Problem> ruleFile(DataTree.Entry e, List<DataTree.Entry> all) {
        RuleFileReader reader = new RuleFileReader(schemas);
        RuleFileReader.Result r = reader.read(RuleText.shipped(e.path(), e.name(), e.read()));
        if (r.file() == null) {
            return r.problems();
        }
        List<RuleFile> files = new ArrayList<>();
        for (DataTree.Entry other : all) {
            RuleFileReader.Result o = other == e ? r : reader.read(RuleText.shipped(other.path(), other.name(), other.read()));
            if (o.file() != null) {
                files.add(o.file());
            }
        }
        RuleHierarchy h = new RuleHierarchy(files);
        List<Problem> ps = new ArrayList<>(r.problems());
        r.file().settings().keySet().stream().filter(id -> !h.defines(id))
                .forEach(id -> ps.add(new Problem(e.name(), 0, "setting for rule '" + id + "', which no rule file defines")));
        r.file().filters().values().forEach(f -> f.sets().keySet().stream().filter(id -> !h.defines(id))
                .forEach(id -> ps.add(new Problem(e.name(), 0, "filter " + f.name() + " sets rule '" + id + "', which no rule file defines"))));
        return ps;
    }

    public OasmRoot root() {
        return root;
    }
}
