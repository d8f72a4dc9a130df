package org.oasm.cockpit.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oasm.cockpit.bundle.DataTree;
import org.oasm.cockpit.templates.BlockLoader;
import org.oasm.cockpit.templates.TemplateCatalog;
import org.oasm.cockpit.templates.TemplateChecks;
import org.oasm.formats.manifest.Problem;
import org.oasm.formats.schema.LocatedDocument;

/** {@code oasm templates list|show|validate}: the command blocks and rule files the cockpit finds. */
final class TemplateCommands {

    private static final List<String> KINDS = List.of("repair", "lint", "test", "cad", "rules");

    private TemplateCommands() {
    }

    static List<OasmCommand> all() {
        return List.of(new ListTemplates(), new Show(), new Validate());
    }

    private static TemplateCatalog catalog(Invocation inv) {
        return TemplateCatalog.open(inv.services().root(), inv.services().store());
    }

    /** A rule file's id: its path under templates/ without the extension. */
    static String ruleId(DataTree.Entry e) {
        return e.path().replaceFirst("\\.ya?ml$", "");
    }

    static final class ListTemplates extends OasmCommand {
        ListTemplates() {
            super("templates list", "Command blocks", "command blocks (and rule files) from the root, the store and the jar", "", 0, 0,
                    List.of(OptionSpec.value("kind", "K", "repair, lint, test, cad or rules"),
                            OptionSpec.value("format", "FORMAT", "text or json")));
        }

        @Override
        protected int run(Invocation inv) {
            String format = inv.format("text", "json");
            String kind = inv.option("kind").orElse(null);
            if (kind != null && !KINDS.contains(kind)) {
                throw new UsageError("--kind: expected one of " + String.join(", ", KINDS) + ", found " + kind);
            }
            TemplateCatalog c = catalog(inv);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TemplateCatalog.Entry e : c.blocks()) {
                if (kind == null || kind.equals(e.kind())) {
                    rows.add(Json.object("id", e.id(), "kind", e.kind(), "origin", e.origin().name().toLowerCase(),
                            "source", e.source(), "sha256", e.sha256(), "description", e.refusal() != null ? "REFUSED: " + e.refusal() : e.description()));
                }
            }
            if (kind == null || kind.equals("rules")) {
                for (DataTree.Entry e : c.ruleFiles()) {
                    String description = "";
                    try {
                        description = LocatedDocument.read(e.name() + ".yaml", new java.io.ByteArrayInputStream(e.read()))
                                .root().path("description").asString("");
                    } catch (RuntimeException unreadable) {
                        description = "(unreadable: see oasm templates validate " + ruleId(e) + ")";
                    }
                    rows.add(Json.object("id", ruleId(e), "kind", "rules", "origin", e.own() ? "root" : "jar", "source", e.name(),
                            "sha256", null, "description", description));
                }
            }
            if (format.equals("json")) {
                inv.out().println(Json.array(rows));
                return 0;
            }
            int w = rows.stream().mapToInt(r -> ((String) r.get("id")).length()).max().orElse(10);
            for (Map<String, Object> r : rows) {
                String origin = r.get("origin").equals("store") ? (String) r.get("source") : (String) r.get("origin");
                inv.out().printf("%-" + w + "s  %-6s  %-4s  %s%n", r.get("id"), r.get("kind"), origin, r.get("description"));
            }
            return 0;
        }
    }

    static final class Show extends OasmCommand {
        Show() {
            super("templates show", "Command blocks", "print a command block or rule file", "ID", 1, 1, List.of());
        }

        @Override
        protected int run(Invocation inv) throws Exception {
            String id = inv.argument(0, "ID");
            TemplateCatalog c = catalog(inv);
            var block = c.find(id);
            if (block.isPresent()) {
                if (block.get().refusal() != null) {
                    throw new CommandFailure(block.get().refusal());
                }
                inv.out().write(block.get().content());
                inv.notes().put("template_source", block.get().source()).put("template_sha256", block.get().sha256());
                return 0;
            }
            for (DataTree.Entry e : c.ruleFiles()) {
                if (ruleId(e).equals(id) || e.path().equals(id)) {
                    inv.out().write(e.read());
                    return 0;
                }
            }
            throw new CommandFailure("templates show: no template '" + id + "' (see: oasm templates list)");
        }
    }

    static final class Validate extends OasmCommand {
        Validate() {
            super("templates validate", "Command blocks", "check command blocks and rule files; every problem with file and line",
                    "[ID]", 0, 1, List.of());
        }

        @Override
        protected int run(Invocation inv) {
            String only = inv.arguments().isEmpty() ? null : inv.argument(0, "ID");
            TemplateCatalog c = catalog(inv);
            TemplateChecks checks = new TemplateChecks(inv.services().root());
            int checked = 0;
            int bad = 0;
            for (TemplateCatalog.Entry e : c.blocks()) {
                if (only != null && !only.equals(e.id())) {
                    continue;
                }
                checked++;
                BlockLoader.Loaded l = checks.block(e);
                bad += report(inv, e.id(), l.problems(), l.lines() + " lines");
            }
            if (only != null && checked == 0 && only.contains("/v")) {
                var stored = c.find(only);
                if (stored.isPresent()) {
                    checked++;
                    BlockLoader.Loaded l = checks.block(stored.get());
                    bad += report(inv, only, l.problems(), l.lines() + " lines");
                }
            }
            for (DataTree.Entry e : c.ruleFiles()) {
                if (only != null && !only.equals(ruleId(e)) && !only.equals(e.path())) {
                    continue;
                }
                checked++;
                bad += report(inv, ruleId(e), checks.ruleFile(e, c.ruleFiles()), "rule file");
            }
            if (checked == 0) {
                throw new CommandFailure("templates validate: no template '" + only + "' (see: oasm templates list)");
            }
            if (only == null) {
                inv.out().println(checked + " checked, " + bad + " with problems");
            }
            return bad == 0 ? 0 : 1;
        }

        private static int report(Invocation inv, String id, List<Problem> problems, String what) {
            if (problems.isEmpty()) {
                inv.out().println(id + ": valid (" + what + ")");
                return 0;
            }
            problems.forEach(p -> inv.out().println(p));
            return 1;
        }
    }
}
