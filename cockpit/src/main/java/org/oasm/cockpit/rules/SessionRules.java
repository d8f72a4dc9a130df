package org.oasm.cockpit.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.oasm.cockpit.bundle.AtomicWrite;
import org.oasm.cockpit.bundle.DataTree;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.LocatedDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code oasm rules set RULE=VALUE}: changes the session layer, the root's
 * {@code templates/rules/session/active_filters.yaml} (started from the bundled one when the root
 * has none). VALUE is a level ({@code required|optional|off}), a severity
 * ({@code error|warning|info|hint}) or {@code default} (drop the session's setting);
 * {@code RULE.OPTION=VALUE} sets an option (one the rule declares, to a value its patterns compile
 * with; {@code default} drops it); {@code FILTER=true|false} switches a filter.
 */
public final class SessionRules {

    /** The session file, relative to {@code templates/}. */
    public static final String FILE = "rules/session/active_filters.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final String HEADER = "# The session layer of the rule hierarchy (most specific: wins over project, domain and core).\n"
            + "# Changed by `oasm rules set RULE=VALUE`; see docs/TEMPLATE_GUIDE.md.\n";

    /** What a {@code set} changed, for the command to print. */
    public record Change(String what, Path file) {
    }

    private SessionRules() {
    }

    /**
     * Applies one assignment. Throws an {@link OasmException} with exit status 2 when the rule or
     * filter is unknown or the value does not fit.
     */
    public static Change set(OasmRoot root, RuleHierarchy hierarchy, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw usage(assignment + ": expected RULE=VALUE (or RULE.OPTION=VALUE, FILTER=true|false)");
        }
        String key = assignment.substring(0, eq).strip();
        String value = assignment.substring(eq + 1).strip();
        Path file = root.templates().resolve(FILE);
        ObjectNode doc = current(root);
        String what;
        Optional<Filter> filter = hierarchy.filter(key);
        if (filter.isPresent() && !hierarchy.defines(key)) {
            boolean on = switch (value) {
                case "true", "on", "yes" -> true;
                case "false", "off", "no" -> false;
                default -> throw usage(assignment + ": a filter is switched with true or false");
            };
            ObjectNode filters = doc.has("filters") ? (ObjectNode) doc.get("filters") : doc.putObject("filters");
            if (!filters.has(key)) {
                throw usage(assignment + ": filter " + key + " is not in " + file + "; add it there first");
            }
            ((ObjectNode) filters.get(key)).put("active", on);
            what = "filter " + key + (on ? " on" : " off");
        } else {
            int dot = key.indexOf('.');
            String rule = dot < 0 ? key : key.substring(0, dot);
            if (!hierarchy.defines(rule)) {
                throw usage(assignment + ": no rule or filter '" + rule + "' (see: oasm rules resolve)");
            }
            ObjectNode settings = doc.has("settings") ? (ObjectNode) doc.get("settings") : doc.putObject("settings");
            ObjectNode setting = expand(settings.get(rule));
            if (dot >= 0) {
                String option = key.substring(dot + 1);
                ResolvedRule resolved = hierarchy.explain(rule, null).orElseThrow().resolved();
                if (!resolved.options().containsKey(option)) {
                    throw usage(assignment + ": rule " + rule + " has no option '" + option + "'"
                            + (resolved.options().isEmpty() ? " (it has none)" : " (its options: " + String.join(", ", resolved.options().keySet()) + ")"));
                }
                if (value.equals("default")) {
                    if (setting.get("options") instanceof ObjectNode options) {
                        options.remove(option);
                        if (options.isEmpty()) {
                            setting.remove("options");
                        }
                    }
                    what = rule + " option " + option + ": session setting removed";
                } else {
                    checkPatterns(assignment, resolved, option, value);
                    (setting.has("options") ? (ObjectNode) setting.get("options") : setting.putObject("options")).put(option, value);
                    what = rule + " option " + option + " = " + value;
                }
                if (setting.isEmpty()) {
                    settings.remove(rule);
                    setting = null;
                }
            } else if (value.equals("default")) {
                settings.remove(rule);
                setting = null;
                what = rule + ": session setting removed";
            } else if (Level.parseOrNull(value) != null) {
                setting.put("level", value);
                what = rule + " level " + value;
            } else if (Severity.parseOrNull(value) != null) {
                setting.put("severity", value);
                what = rule + " severity " + value;
            } else {
                throw usage(assignment + ": expected required, optional, off, error, warning, info, hint or default");
            }
            if (setting != null) {
                settings.set(rule, setting.size() == 1 && setting.has("level") ? setting.get("level") : setting);
            }
        }
        AtomicWrite.write(file, (HEADER + YAML.writeValueAsString(doc).replaceFirst("^---\n", "")).getBytes(StandardCharsets.UTF_8));
        return new Change(what, file);
    }

    /** Refuses an option value with which one of the rule's patterns would not compile. */
    private static void checkPatterns(String assignment, ResolvedRule r, String option, String value) {
        Map<String, String> values = new LinkedHashMap<>();
        r.options().forEach((k, v) -> values.put(k, v.value()));
        values.put(option, value);
        RuleDefinition d = r.definition();
        for (String regex : new String[] {d.regex(), d.required() == null ? null : d.required().regex(),
                d.forbidden() == null ? null : d.forbidden().regex()}) {
            if (regex == null || !regex.contains("${" + option + "}")) {
                continue;
            }
            try {
                Pattern.compile(Options.substitute(regex, values));
            } catch (PatternSyntaxException e) {
                throw usage(assignment + ": rule " + r.id() + "'s pattern does not compile with it (" + e.getDescription() + ")");
            }
        }
    }

    private static ObjectNode current(OasmRoot root) {
        DataTree.Entry e = DataTree.of(root, "templates").entries().get(FILE);
        if (e == null) {
            return JsonNodeFactory.instance.objectNode().put("description", "Session settings and filters");
        }
        JsonNode n = LocatedDocument.read(e.name(), new ByteArrayInputStream(e.read())).root();
        if (!n.isObject()) {
            throw new OasmException(e.name() + ": not a rule file (a mapping)");
        }
        return (ObjectNode) n;
    }

    private static ObjectNode expand(JsonNode setting) {
        if (setting == null || setting.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (setting.isString()) {
            return JsonNodeFactory.instance.objectNode().put("level", setting.asString());
        }
        return ((ObjectNode) setting).deepCopy();
    }

    private static OasmException usage(String message) {
        return new OasmException("rules set: " + message, OasmException.USAGE);
    }
}
