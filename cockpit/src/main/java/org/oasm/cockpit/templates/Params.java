package org.oasm.cockpit.templates;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oasm.formats.root.OasmException;
import org.oasm.substrate.lex.Quoting;

/**
 * The parameter values of one execution: the user's {@code --param NAME=VALUE} over the block's
 * defaults, each checked against its type. {@code ${NAME}} in a step becomes the value, escaped
 * for where it lands: quoted in a shell command line, quoted in a regular expression, literal in a
 * replacement. Names the block does not declare are left alone (a shell's {@code ${HOME}}).
 */
public final class Params {

    /** Where a value is put, which decides how it is escaped. */
    public enum Into { TEXT, SHELL, REGEX, REPLACEMENT }

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The values for {@code block} from {@code NAME=VALUE} assignments; a usage error when one does not fit. */
    public static Params of(CommandBlock block, List<String> assignments) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw usage("--param " + a + ": expected NAME=VALUE");
            }
            String name = a.substring(0, eq);
            CommandBlock.Parameter p = block.parameters().get(name);
            if (p == null) {
                throw usage("--param " + name + ": template " + block.id() + " has no such parameter"
                        + (block.parameters().isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", block.parameters().keySet()) + ")"));
            }
            String bad = typeProblem(p, a.substring(eq + 1));
            if (bad != null) {
                throw usage("--param " + name + ": " + bad);
            }
            given.put(name, a.substring(eq + 1));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (CommandBlock.Parameter p : block.parameters().values()) {
            String v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
            if (v == null) {
                throw usage("template " + block.id() + " needs --param " + p.name() + "=VALUE (" + p.description() + ")");
            }
            values.put(p.name(), v);
        }
        return new Params(values);
    }

    /** Why {@code value} does not fit {@code p}'s type, or null when it does. */
    static String typeProblem(CommandBlock.Parameter p, String value) {
        try {
            switch (p.type()) {
                case "integer" -> Long.parseLong(value);
                case "number" -> Double.parseDouble(value);
                case "boolean" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        return "expected true or false, found '" + value + "'";
                    }
                }
                case "path" -> {
                    Path path = Path.of(value).normalize();
                    if (path.isAbsolute() || path.startsWith("..")) {
                        return "expected a path inside the target, found '" + value + "'";
                    }
                }
                default -> {
                    // strings take anything
                }
            }
            return null;
        } catch (NumberFormatException e) {
            return "expected " + (p.type().equals("integer") ? "an integer" : "a number") + ", found '" + value + "'";
        } catch (java.nio.file.InvalidPathException e) {
            return "not a path: " + e.getMessage();
        }
    }

    public Map<String, String> values() {
        return values;
    }

    /** {@code text} with every {@code ${NAME}} of a declared parameter replaced. */
    public String expand(String text, Into into) {
        if (text == null || text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            String put = v == null ? m.group() : switch (into) {
                case TEXT -> v;
                case SHELL -> Quoting.quote(v);
                case REGEX -> Pattern.quote(v);
                case REPLACEMENT -> Matcher.quoteReplacement(v);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(put));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The values as environment variables for run steps: {@code OASM_PARAM_NAME}. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        values.forEach((k, v) -> env.put("OASM_PARAM_" + k, v));
        return env;
    }

    private static OasmException usage(String message) {
        return new OasmException("execute: " + message, OasmException.USAGE);
    }
}
