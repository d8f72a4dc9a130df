package org.oasm.cockpit.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.oasm.formats.manifest.Problem;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.schema.LocatedDocument;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.schema.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Reads a rule file: checks it against the {@code rule} schema, then what a schema cannot say
 * (regular expressions compile, a domain file names its own domain, a rule is defined once per
 * file), and builds the {@link RuleFile}. Every problem names the file and line.
 */
public final class RuleFileReader {

    /** The outcome: the file when it could be built, and every problem found. */
    public record Result(RuleFile file, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final Supplier<SchemaRegistry> schemas;

    public RuleFileReader(SchemaRegistry schemas) {
        this(() -> schemas);
    }

    /**
     * A reader that opens the schema registry only when a file needs validating: a scan whose
     * rules all come from the jar never pays for the schema validator's start-up.
     */
    public RuleFileReader(Supplier<SchemaRegistry> schemas) {
        this.schemas = schemas;
    }

    public Result read(RuleText text) {
        return read(text, true);
    }

    /**
     * Reads a rule file; {@code validate} false skips the schema check, for the files bundled in
     * the jar, which the build checks (it saves a scan the schema's compilation at start-up).
     */
    public Result read(RuleText text, boolean validate) {
        LocatedDocument doc;
        try {
            doc = LocatedDocument.read(text.name() + (text.name().endsWith(".json") ? "" : ".yaml"),
                    new ByteArrayInputStream(text.content()));
        } catch (OasmException e) {
            return new Result(null, List.of(new Problem(text.name(), 0, e.getMessage().replace(text.name() + ".yaml: ", ""))));
        }
        doc = new LocatedDocument(text.name(), doc.root(), doc.lines());
        List<Problem> problems = new ArrayList<>();
        if (!doc.root().isObject()) {
            return new Result(null, List.of(new Problem(text.name(), 1, "a rule file is a mapping (description, rules, settings, filters)")));
        }
        for (Violation v : validate ? schemas.get().validate(doc.root(), "rule") : List.<Violation>of()) {
            problems.add(new Problem(text.name(), doc.lineOf(v.jsonPointer()), v.toString()));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        JsonNode root = doc.root();
        RuleFile.Origin origin = new RuleFile.Origin(text.layer(), text.domain(), text.path(), text.name());
        String declared = root.path("domain").asString(null);
        if (declared != null && text.domain() != null && !declared.equals(text.domain())) {
            problems.add(new Problem(text.name(), doc.lineOf("/domain"),
                    "domain '" + declared + "' does not match the folder rules/domain/" + text.domain()));
        }
        List<RuleDefinition> rules = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        JsonNode list = root.path("rules");
        for (int i = 0; i < list.size(); i++) {
            String at = "/rules/" + i;
            RuleDefinition r = definition(list.get(i), origin);
            Integer first = seen.putIfAbsent(r.id(), doc.lineOf(at));
            if (first != null) {
                problems.add(new Problem(text.name(), doc.lineOf(at), "rule '" + r.id() + "' is defined twice (first at line " + first + ")"));
            }
            checkPattern(r.regex(), r.options(), doc, at + "/match/regex", problems);
            if (r.required() != null) {
                checkPattern(r.required().regex(), r.options(), doc, at + "/match/required/regex", problems);
            }
            if (r.forbidden() != null) {
                checkPattern(r.forbidden().regex(), r.options(), doc, at + "/match/forbidden/regex", problems);
            }
            rules.add(r);
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        root.path("settings").properties().forEach(e -> settings.put(e.getKey(), setting(e.getValue())));
        Map<String, Filter> filters = new LinkedHashMap<>();
        root.path("filters").properties().forEach(e -> {
            Map<String, Setting> sets = new LinkedHashMap<>();
            e.getValue().path("sets").properties().forEach(s -> sets.put(s.getKey(), setting(s.getValue())));
            filters.put(e.getKey(), new Filter(e.getKey(), e.getValue().path("description").asString(""),
                    e.getValue().path("active").asBoolean(false), sets));
        });
        if (!filters.isEmpty() && text.layer() != Layer.SESSION) {
            problems.add(new Problem(text.name(), doc.lineOf("/filters"), "filters belong to the session layer (rules/session/)"));
        }
        return new Result(new RuleFile(origin, root.path("description").asString(""), rules, settings, filters), problems);
    }

    private static RuleDefinition definition(JsonNode n, RuleFile.Origin origin) {
        JsonNode match = n.path("match");
        return new RuleDefinition(n.path("id").asString(), n.path("description").asString(),
                strings(n.path("languages")), strings(n.path("include")), strings(n.path("exclude")),
                match.path("regex").asString(), match.path("ignore_case").asBoolean(false),
                window(match.get("required")), window(match.get("forbidden")), n.path("message").asString(),
                Severity.parseOrNull(n.path("severity").asString()),
                n.has("level") ? Level.parseOrNull(n.path("level").asString()) : Level.REQUIRED,
                options(n.path("options")), strings(n.path("tags")), n.path("fix").path("template").asString(null),
                n.path("fix").path("hint").asString(null), origin);
    }

    /** A setting: a bare level or {@code {level, severity, options}}. */
    static Setting setting(JsonNode n) {
        if (n.isString()) {
            return Setting.ofLevel(Level.parseOrNull(n.asString()));
        }
        return new Setting(n.has("level") ? Level.parseOrNull(n.path("level").asString()) : null,
                n.has("severity") ? Severity.parseOrNull(n.path("severity").asString()) : null, options(n.path("options")));
    }

    private static Window window(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        return new Window(n.path("regex").asString(), n.path("before").asInt(0), n.path("after").asInt(0),
                n.path("file").asBoolean(false));
    }

    private static Map<String, String> options(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }

    private static void checkPattern(String regex, Map<String, String> options, LocatedDocument doc, String pointer,
            List<Problem> problems) {
        try {
            Pattern.compile(Options.substitute(regex, options), Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            problems.add(new Problem(doc.name(), doc.lineOf(pointer), "invalid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex()));
        }
    }
}
