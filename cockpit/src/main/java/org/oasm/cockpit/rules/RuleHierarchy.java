package org.oasm.cockpit.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The rule hierarchy of the plan: rule files of four layers, resolved Session > Project > Domain >
 * Core. Each value of a rule (its level, its severity, each option) is resolved on its own: the
 * most specific layer that sets it wins, and the rule's definition gives the default. A session
 * setting made by {@code oasm rules set} wins over a session filter; a project's own
 * {@code .oasm/rules/} wins over the shipped project layer.
 *
 * <p>With a domain, the domain layer is that domain's folder and only its rules (with the core,
 * project and session rules) apply. Without one, every domain's rules are listed, each resolved
 * with its own domain's folder.
 */
public final class RuleHierarchy {

    /** One layer's say about one rule, for {@link #explain}. */
    public record Say(Layer layer, String source, Setting setting) {
    }

    /** Every layer's say about a rule and what came of it. */
    public record Explanation(ResolvedRule resolved, List<Say> says) {
    }

    private final List<RuleFile> files;

    /** @param files every rule file; project-local ones (absolute paths) before shipped ones */
    public RuleHierarchy(List<RuleFile> files) {
        this.files = List.copyOf(files);
    }

    public List<RuleFile> files() {
        return files;
    }

    /** The domains that have a folder, sorted. */
    public List<String> domains() {
        TreeSet<String> out = new TreeSet<>();
        files.stream().filter(f -> f.origin().layer() == Layer.DOMAIN).forEach(f -> out.add(f.origin().domain()));
        return List.copyOf(out);
    }

    /** The effective rules, sorted by id; {@code domain} null for every domain. */
    public List<ResolvedRule> resolve(String domain) {
        List<ResolvedRule> out = new ArrayList<>();
        for (RuleDefinition d : definitions(domain).values()) {
            out.add(resolve(d, says(d, domain)));
        }
        out.sort(Comparator.comparing(ResolvedRule::id));
        return out;
    }

    /** Every layer's setting of one rule and the result, or empty when no layer defines it. */
    public Optional<Explanation> explain(String ruleId, String domain) {
        RuleDefinition d = definitions(domain).get(ruleId);
        if (d == null) {
            return Optional.empty();
        }
        List<Say> says = says(d, domain);
        return Optional.of(new Explanation(resolve(d, says), says));
    }

    /** Whether a rule of this id is defined in some layer of some domain. */
    public boolean defines(String ruleId) {
        return definitions(null).containsKey(ruleId);
    }

    /** The session filter of this name, if any. */
    public Optional<Filter> filter(String name) {
        return files.stream().filter(f -> f.origin().layer() == Layer.SESSION)
                .map(f -> f.filters().get(name)).filter(java.util.Objects::nonNull).findFirst();
    }

    /** Rule definitions by id, the most specific definition of each. */
    private Map<String, RuleDefinition> definitions(String domain) {
        Map<String, RuleDefinition> out = new LinkedHashMap<>();
        for (Layer layer : Layer.values()) {
            for (RuleFile f : files) {
                if (f.origin().layer() != layer || (layer == Layer.DOMAIN && domain != null && !domain.equals(f.origin().domain()))) {
                    continue;
                }
                for (RuleDefinition d : f.definitions()) {
                    out.putIfAbsent(d.id(), d);
                }
            }
        }
        return out;
    }

    /** What each layer says about {@code d}, most specific first; empty layers say nothing. */
    private List<Say> says(RuleDefinition d, String domain) {
        String dom = domain != null ? domain : d.origin().domain();
        List<Say> out = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            for (RuleFile f : files) {
                if (f.origin().layer() != layer || (layer == Layer.DOMAIN && !f.origin().domain().equals(dom))) {
                    continue;
                }
                Setting s = f.settings().get(d.id());
                if (s != null) {
                    out.add(new Say(layer, f.origin().name(), s));
                }
                for (Filter filter : f.filters().values()) {
                    Setting fs = filter.sets().get(d.id());
                    if (filter.active() && fs != null) {
                        out.add(new Say(layer, f.origin().name() + " (filter " + filter.name() + ")", fs));
                    }
                }
            }
        }
        return out;
    }

    private static ResolvedRule resolve(RuleDefinition d, List<Say> says) {
        String defaultSource = "default in " + d.origin().name();
        ResolvedRule.Value<Level> level = new ResolvedRule.Value<>(d.level(), d.origin().layer(), defaultSource);
        ResolvedRule.Value<Severity> severity = new ResolvedRule.Value<>(d.severity(), d.origin().layer(), defaultSource);
        Map<String, ResolvedRule.Value<String>> options = new LinkedHashMap<>();
        d.options().forEach((k, v) -> options.put(k, new ResolvedRule.Value<>(v, d.origin().layer(), defaultSource)));
        for (int i = says.size() - 1; i >= 0; i--) {
            Say s = says.get(i);
            if (s.setting().level() != null) {
                level = new ResolvedRule.Value<>(s.setting().level(), s.layer(), s.source());
            }
            if (s.setting().severity() != null) {
                severity = new ResolvedRule.Value<>(s.setting().severity(), s.layer(), s.source());
            }
            s.setting().options().forEach((k, v) -> options.put(k, new ResolvedRule.Value<>(v, s.layer(), s.source())));
        }
        Map<String, String> values = new LinkedHashMap<>();
        options.forEach((k, v) -> values.put(k, v.value()));
        return new ResolvedRule(d, level, severity, options, Options.substitute(d.regex(), values),
                window(d.required(), values), window(d.forbidden(), values), Options.substitute(d.message(), values));
    }

    private static Window window(Window w, Map<String, String> values) {
        return w == null ? null : new Window(Options.substitute(w.regex(), values), w.before(), w.after(), w.file());
    }
}
