package org.oasm.cockpit.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.oasm.cockpit.rules.Layer;
import org.oasm.cockpit.rules.ResolvedRule;
import org.oasm.cockpit.rules.RuleHierarchy;
import org.oasm.cockpit.rules.Rules;
import org.oasm.cockpit.rules.SessionRules;
import org.oasm.cockpit.rules.Setting;

/** {@code oasm rules resolve|explain|set}: the rule hierarchy Session > Project > Domain > Core. */
final class RulesCommands {

    private RulesCommands() {
    }

    static List<OasmCommand> all() {
        return List.of(new Resolve(), new Explain(), new SetRule());
    }

    /** The hierarchy for the project at {@code --project} (default: the working directory); problems go to stderr. */
    static Rules.Loaded load(Invocation inv) {
        Path project = inv.path(inv.option("project").orElse("."));
        Rules.Loaded loaded = Rules.load(inv.services().root(), Rules.projectRules(project));
        loaded.problems().forEach(p -> inv.err().println("oasm: warning: " + p + " (file left out)"));
        return loaded;
    }

    static String domain(Invocation inv, RuleHierarchy h) {
        String d = inv.option("domain").orElse(null);
        if (d != null && !h.domains().contains(d)) {
            throw new UsageError("--domain: no rules/domain/" + d + "/ (domains: " + String.join(", ", h.domains()) + ")");
        }
        return d;
    }

    static final class Resolve extends OasmCommand {
        Resolve() {
            super("rules resolve", "Rules and scans", "the effective rules and the layer that set each value", "", 0, 0, List.of(
                    OptionSpec.value("domain", "D", "resolve for one domain (rust, python, ...)"),
                    OptionSpec.value("project", "DIR", "the project whose .oasm/rules apply (default: the working directory)"),
                    OptionSpec.value("format", "FORMAT", "text or json")));
        }

        @Override
        protected int run(Invocation inv) {
            String format = inv.format("text", "json");
            RuleHierarchy h = load(inv).hierarchy();
            String domain = domain(inv, h);
            List<ResolvedRule> rules = h.resolve(domain).stream()
                    .filter(r -> domain == null || r.definition().appliesTo(domain)).toList();
            if (format.equals("json")) {
                inv.out().println(Json.array(rules.stream().map(r -> Json.object("id", r.id(),
                        "defined_in", r.definition().origin().name(),
                        "level", value(r.level().value().json(), r.level()),
                        "severity", value(r.severity().value().json(), r.severity()),
                        "effective_severity", r.effectiveSeverity().json(),
                        "options", r.options().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                                e -> value(e.getValue().value(), e.getValue()), (a, b) -> a, java.util.TreeMap::new)))).toList()));
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"RULE", "LEVEL", "SET BY", "SEVERITY", "SET BY", "OPTIONS"});
            for (ResolvedRule r : rules) {
                String options = r.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().value()
                        + " (" + e.getValue().layer().json() + ")").collect(Collectors.joining(", "));
                rows.add(new String[] {r.id(), r.level().value().json(), r.level().layer().json(), r.effectiveSeverity().json(),
                        r.severity().layer().json(), options});
            }
            Table.print(inv.out(), rows);
            return 0;
        }

        private static Map<String, Object> value(String v, ResolvedRule.Value<?> from) {
            return Json.object("value", v, "layer", from.layer().json(), "source", from.source());
        }
    }

    static final class Explain extends OasmCommand {
        Explain() {
            super("rules explain", "Rules and scans", "every layer's setting of one rule and which one won", "RULE", 1, 1, List.of(
                    OptionSpec.value("domain", "D", "explain for one domain"),
                    OptionSpec.value("project", "DIR", "the project whose .oasm/rules apply (default: the working directory)")));
        }

        @Override
        protected int run(Invocation inv) {
            String id = inv.argument(0, "RULE");
            RuleHierarchy h = load(inv).hierarchy();
            RuleHierarchy.Explanation ex = h.explain(id, domain(inv, h))
                    .orElseThrow(() -> new CommandFailure("rules explain: no rule '" + id + "' (see: oasm rules resolve)"));
            ResolvedRule r = ex.resolved();
            inv.out().println(r.id() + ": " + r.definition().description());
            inv.out().println("defined in " + r.definition().origin().name() + " (" + r.definition().origin().label() + "): level "
                    + r.definition().level().json() + ", severity " + r.definition().severity().json() + "\n");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"LAYER", "LEVEL", "SEVERITY", "OPTIONS", "SOURCE"});
            for (Layer layer : Layer.values()) {
                List<RuleHierarchy.Say> says = ex.says().stream().filter(s -> s.layer() == layer).toList();
                if (says.isEmpty()) {
                    rows.add(new String[] {layer.json(), "-", "-", "-", "-"});
                }
                for (RuleHierarchy.Say s : says) {
                    Setting st = s.setting();
                    rows.add(new String[] {layer.json(), st.level() == null ? "-" : st.level().json(),
                            st.severity() == null ? "-" : st.severity().json(),
                            st.options().isEmpty() ? "-" : st.options().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                    .collect(Collectors.joining(",")), s.source()});
                }
            }
            Table.print(inv.out(), rows);
            inv.out().println("\neffective: level " + r.level().value().json() + " (" + won(r.level()) + "), severity "
                    + r.effectiveSeverity().json() + " (" + won(r.severity())
                    + (r.effectiveSeverity() != r.severity().value() ? "; capped at warning because the rule is optional" : "") + ")");
            r.options().forEach((k, v) -> inv.out().println("option " + k + " = " + v.value() + " (" + won(v) + ")"));
            return 0;
        }

        private static String won(ResolvedRule.Value<?> v) {
            return v.source().startsWith("default in ") ? "the rule's default, " + v.layer().json() : "set by " + v.layer().json() + ": " + v.source();
        }
    }

    static final class SetRule extends OasmCommand {
        SetRule() {
            super("rules set", "Rules and scans", "set a rule's level, severity or option, or switch a filter, in the session layer",
                    "RULE=VALUE...", 1, Integer.MAX_VALUE, List.of());
        }

        @Override
        protected int run(Invocation inv) {
            for (String assignment : inv.arguments()) {
                RuleHierarchy h = Rules.load(inv.services().root(), Rules.projectRules(inv.cwd())).hierarchy();
                SessionRules.Change c = SessionRules.set(inv.services().root(), h, assignment);
                inv.out().println("session: " + c.what() + " (" + c.file() + ")");
            }
            return 0;
        }
    }
}
