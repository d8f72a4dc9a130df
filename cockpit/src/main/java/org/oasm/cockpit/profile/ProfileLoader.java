package org.oasm.cockpit.profile;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oasm.formats.root.OasmRoot;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads {@code shell_profile.yaml} from the OASM root, or the copy bundled in the jar. A malformed
 * profile never stops the cockpit: the problem is reported in one line and the defaults apply.
 *
 * <p>The file is read with snakeyaml-engine (the YAML parser under Jackson's YAML module) into
 * plain maps: every start of the cockpit reads it, and building a Jackson mapper would cost a
 * {@code -c} line several times what parsing a dozen lines does.
 */
public final class ProfileLoader {

    private static final String FILE = "shell_profile.yaml";

    private ProfileLoader() {
    }

    /** The profile and, when it could not be used as written, why. */
    public record Loaded(ShellProfile profile, Optional<String> problem) { }

    public static Loaded load(OasmRoot root) {
        String where = root.shellProfile().toFile().isFile() ? root.shellProfile().toString() : FILE + " (bundled)";
        try {
            Optional<InputStream> in = root.openData(FILE);
            if (in.isEmpty()) {
                return new Loaded(ShellProfile.DEFAULTS, Optional.empty());
            }
            Object doc;
            try (InputStream s = in.get()) {
                doc = new Load(LoadSettings.builder().setLabel(where).build()).loadFromInputStream(s);
            }
            return new Loaded(fromTree(doc), Optional.empty());
        } catch (MarkedYamlEngineException e) {
            return problem(where + ": " + firstLine(e.getProblem()) + location(e.getProblemMark()));
        } catch (YamlEngineException e) {
            return problem(where + ": " + firstLine(e.getMessage()));
        } catch (IOException | IllegalArgumentException e) {
            return problem(where + ": " + e.getMessage());
        }
    }

    private static Loaded problem(String message) {
        return new Loaded(ShellProfile.DEFAULTS, Optional.of(message + "; using the default profile"));
    }

    /** The profile a parsed YAML document describes; fields it does not name keep their defaults. */
    static ShellProfile fromTree(Object doc) {
        if (doc == null) {
            return ShellProfile.DEFAULTS;
        }
        if (!(doc instanceof Map<?, ?> top)) {
            throw new IllegalArgumentException("expected a mapping at the top level");
        }
        ShellProfile d = ShellProfile.DEFAULTS;
        String prompt = text(top, "prompt", d.prompt());
        int history = top.get("history_size") != null ? integer(top.get("history_size"), "history_size") : d.historySize();
        String level = text(top, "log_level", d.logLevel());
        Object provNode = top.get("provenance");
        Map<?, ?> prov = Map.of();
        if (provNode instanceof Map<?, ?> m) {
            prov = m;
        } else if (provNode != null) {
            throw new IllegalArgumentException("provenance: expected a mapping");
        }
        boolean enabled = prov.get("enabled") != null ? bool(prov.get("enabled"), "provenance.enabled") : d.provenanceEnabled();
        boolean cbor = prov.get("cbor") != null ? bool(prov.get("cbor"), "provenance.cbor") : d.provenanceCbor();
        Object pyNode = top.get("python");
        Map<?, ?> python = Map.of();
        if (pyNode instanceof Map<?, ?> m) {
            python = m;
        } else if (pyNode != null) {
            throw new IllegalArgumentException("python: expected a mapping");
        }
        boolean preload = python.get("preload") != null ? bool(python.get("preload"), "python.preload") : d.pythonPreload();
        return new ShellProfile(prompt, map(top, "aliases"), map(top, "environment"), history, level, enabled, cbor, preload);
    }

    private static boolean scalar(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean;
    }

    private static String text(Map<?, ?> doc, String field, String fallback) {
        Object n = doc.get(field);
        if (n == null) {
            return fallback;
        }
        if (!scalar(n)) {
            throw new IllegalArgumentException(field + ": expected a string");
        }
        return n.toString();
    }

    private static int integer(Object n, String field) {
        if (!(n instanceof Integer || n instanceof Long) || ((Number) n).longValue() < 0
                || ((Number) n).longValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + ": expected a whole number >= 0, found " + show(n));
        }
        return ((Number) n).intValue();
    }

    private static boolean bool(Object n, String field) {
        if (!(n instanceof Boolean b)) {
            throw new IllegalArgumentException(field + ": expected true or false, found " + show(n));
        }
        return b;
    }

    private static String show(Object n) {
        return n instanceof String s ? "\"" + s + "\"" : n instanceof List<?> ? "a list" : n instanceof Map<?, ?> ? "a mapping"
                : String.valueOf(n);
    }

    private static Map<String, String> map(Map<?, ?> doc, String field) {
        Object n = doc.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(field + ": expected a mapping of names to strings");
        }
        for (var e : m.entrySet()) {
            if (!scalar(e.getValue())) {
                throw new IllegalArgumentException(field + "." + e.getKey() + ": expected a string");
            }
            out.put(String.valueOf(e.getKey()), e.getValue().toString());
        }
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "malformed YAML" : s.lines().findFirst().orElse(s);
    }

    private static String location(Optional<Mark> mark) {
        return mark.map(m -> " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")").orElse("");
    }
}
