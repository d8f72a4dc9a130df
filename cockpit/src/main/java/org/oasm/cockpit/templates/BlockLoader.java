package org.oasm.cockpit.templates;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.oasm.cockpit.rules.Severity;
import org.oasm.cockpit.rules.Window;
import org.oasm.cockpit.templates.CommandBlock.Action;
import org.oasm.cockpit.templates.CommandBlock.Condition;
import org.oasm.cockpit.templates.CommandBlock.FileText;
import org.oasm.cockpit.templates.CommandBlock.Step;
import org.oasm.formats.manifest.Problem;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.schema.LocatedDocument;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.schema.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks a command-block template: at most {@value #MAX_LINES} lines (larger logic
 * belongs in a module), valid against the {@code command_block} schema, and what the schema
 * cannot say: regular expressions compile and parameter defaults fit their types. Every problem
 * names the file and line.
 */
public final class BlockLoader {

    /** The most lines a template may have. */
    public static final int MAX_LINES = 100;

    /** A checked template: the block when it could be built, its line count and every problem. */
    public record Loaded(CommandBlock block, int lines, List<Problem> problems) {
        public Loaded {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return block != null && problems.isEmpty();
        }
    }

    private final SchemaRegistry schemas;

    public BlockLoader(SchemaRegistry schemas) {
        this.schemas = schemas;
    }

    /** Lines of a text as {@code wc -l} counts them, plus a last line without a newline. */
    public static int lineCount(byte[] content) {
        int n = 0;
        for (byte b : content) {
            if (b == '\n') {
                n++;
            }
        }
        return content.length > 0 && content[content.length - 1] != '\n' ? n + 1 : n;
    }

    public Loaded load(String name, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        int lines = lineCount(content);
        if (lines > MAX_LINES) {
            problems.add(new Problem(name, MAX_LINES + 1, lines + " lines, over the limit of " + MAX_LINES
                    + " for a template: larger logic belongs in a module"));
        }
        LocatedDocument doc;
        try {
            doc = LocatedDocument.read(name.endsWith(".json") ? name : name + ".yaml", new ByteArrayInputStream(content));
        } catch (OasmException e) {
            problems.add(new Problem(name, 0, e.getMessage().replaceFirst("^" + Pattern.quote(name) + "(\\.yaml)?: ", "")));
            return new Loaded(null, lines, problems);
        }
        doc = new LocatedDocument(name, doc.root(), doc.lines());
        for (Violation v : schemas.validate(doc.root(), "command_block")) {
            problems.add(new Problem(name, doc.lineOf(v.jsonPointer()), v.toString()));
        }
        if (problems.stream().anyMatch(p -> p.line() != MAX_LINES + 1)) {
            return new Loaded(null, lines, problems);
        }
        CommandBlock block = build(doc.root());
        check(block, doc, problems);
        return new Loaded(block, lines, problems);
    }

    private static CommandBlock build(JsonNode n) {
        Map<String, CommandBlock.Parameter> params = new LinkedHashMap<>();
        n.path("parameters").properties().forEach(e -> params.put(e.getKey(), new CommandBlock.Parameter(e.getKey(),
                e.getValue().path("type").asString(), e.getValue().has("default") ? text(e.getValue().get("default")) : null,
                e.getValue().path("description").asString(""))));
        List<String> targets = strings(n.path("targets"));
        return new CommandBlock(n.path("id").asString(), n.path("version").asString(""), n.path("description").asString(),
                n.path("kind").asString(), n.path("domain").asString(null), strings(n.path("languages")), params, targets,
                n.has("writes") ? strings(n.path("writes")) : targets, steps(n.path("steps")), steps(n.path("tests")));
    }

    private static List<Step> steps(JsonNode list) {
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            Action a = action(s);
            out.add(new Step(s.path("name").asString(a.kind() + " " + (i + 1)), s.path("continue_on_error").asBoolean(false),
                    s.has("when") ? condition(s.get("when")) : null, strings(s.path("requires")),
                    s.path("optional").asBoolean(false), a));
        }
        return out;
    }

    private static Action action(JsonNode s) {
        if (s.has("run")) {
            JsonNode r = s.get("run");
            return new CommandBlock.Run(r.path("command").asString(), r.path("expect_exit").asInt(0),
                    r.has("timeout_s") ? r.get("timeout_s").asInt() : null);
        }
        if (s.has("edit")) {
            JsonNode e = s.get("edit");
            List<String> files = e.get("files").isArray() ? strings(e.get("files")) : List.of(e.get("files").asString());
            CommandBlock.EditOp op;
            if (e.has("find")) {
                op = new CommandBlock.Replace(e.get("find").asString(), e.path("replace").asString(), e.path("regex").asBoolean(false),
                        e.has("max_count") ? e.get("max_count").asInt() : null);
            } else if (e.has("insert_before")) {
                op = new CommandBlock.InsertBefore(e.get("insert_before").asString(), e.path("text").asString());
            } else if (e.has("insert_after")) {
                op = new CommandBlock.InsertAfter(e.get("insert_after").asString(), e.path("text").asString());
            } else if (e.has("delete_lines")) {
                op = new CommandBlock.DeleteLines(e.get("delete_lines").asString());
            } else {
                op = new CommandBlock.SortLines(e.get("sort_lines").asString(), e.path("unique").asBoolean(false));
            }
            return new CommandBlock.Edit(files, strings(e.path("exclude")), e.path("containing").asString(null), op,
                    window(e.get("unless")));
        }
        if (s.has("scan")) {
            JsonNode sc = s.get("scan");
            String failOn = sc.path("fail_on").asString("error");
            return new CommandBlock.Scan(sc.path("path").asString("."), strings(sc.path("rules")), strings(sc.path("tags")),
                    failOn.equals("never") ? null : Severity.parseOrNull(failOn));
        }
        if (s.has("assert")) {
            return new CommandBlock.Assert(condition(s.get("assert")), s.get("assert").path("message").asString(null));
        }
        JsonNode p = s.get("python");
        return new CommandBlock.Python(p.path("module").asString(), p.path("function").asString(null), p.get("args"));
    }

    private static Condition condition(JsonNode c) {
        List<String> exists = c.has("file_exists")
                ? c.get("file_exists").isArray() ? strings(c.get("file_exists")) : List.of(c.get("file_exists").asString())
                : null;
        return new Condition(exists, fileText(c.get("file_contains")), fileText(c.get("file_lacks")),
                c.path("command").asString(null), c.path("exit_status").asInt(0));
    }

    private static FileText fileText(JsonNode n) {
        return n == null ? null : new FileText(n.path("file").asString(), n.path("text").asString(null), n.path("regex").asString(null));
    }

    private static Window window(JsonNode n) {
        return n == null ? null : new Window(n.path("regex").asString(), n.path("before").asInt(0), n.path("after").asInt(0),
                n.path("file").asBoolean(false));
    }

    /** Regular expressions compile (parameters replaced by a placeholder) and defaults fit their types. */
    private static void check(CommandBlock b, LocatedDocument doc, List<Problem> problems) {
        b.parameters().values().forEach(p -> {
            if (p.defaultValue() != null) {
                String bad = Params.typeProblem(p, p.defaultValue());
                if (bad != null) {
                    problems.add(new Problem(doc.name(), doc.lineOf("/parameters/" + p.name() + "/default"), bad));
                }
            }
        });
        checkSteps(b.steps(), "/steps/", doc, problems);
        checkSteps(b.tests(), "/tests/", doc, problems);
    }

    private static void checkSteps(List<Step> steps, String base, LocatedDocument doc, List<Problem> problems) {
        for (int i = 0; i < steps.size(); i++) {
            String at = base + i;
            if (steps.get(i).action() instanceof CommandBlock.Edit e) {
                String regex = switch (e.op()) {
                    case CommandBlock.Replace r -> r.regex() ? r.find() : null;
                    case CommandBlock.InsertBefore ib -> ib.regex();
                    case CommandBlock.InsertAfter ia -> ia.regex();
                    case CommandBlock.DeleteLines d -> d.regex();
                    case CommandBlock.SortLines s -> s.regex();
                };
                compiles(regex, doc, at + "/edit", problems);
                compiles(e.containing(), doc, at + "/edit/containing", problems);
                if (e.unless() != null) {
                    compiles(e.unless().regex(), doc, at + "/edit/unless", problems);
                }
            }
        }
    }

    private static void compiles(String regex, LocatedDocument doc, String pointer, List<Problem> problems) {
        if (regex == null) {
            return;
        }
        try {
            Pattern.compile(regex.replaceAll("\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}", "x"), Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            problems.add(new Problem(doc.name(), doc.lineOf(pointer), "invalid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex()));
        }
    }

    private static String text(JsonNode n) {
        return n.isString() ? n.asString() : n.toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }
}
