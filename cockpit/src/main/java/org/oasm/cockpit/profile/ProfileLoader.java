package org.oasm.cockpit.profile;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads {@code shell_profile.yaml} from the OASM root, or the copy bundled in the jar. A malformed
 * profile never stops the cockpit: the problem is reported in one line and the defaults apply.
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
            JsonNode doc;
            try (InputStream s = in.get()) {
                ObjectMapper yaml = YAMLMapper.builder().build();
                doc = yaml.readTree(s);
            }
            return new Loaded(fromTree(doc), Optional.empty());
        } catch (JacksonException e) {
            return problem(where + ": " + firstLine(e.getOriginalMessage()) + location(e));
        } catch (IOException | IllegalArgumentException e) {
            return problem(where + ": " + e.getMessage());
        }
    }

    private static Loaded problem(String message) {
        return new Loaded(ShellProfile.DEFAULTS, Optional.of(message + "; using the default profile"));
    }

    static ShellProfile fromTree(JsonNode doc) {
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
            return ShellProfile.DEFAULTS;
        }
        if (!doc.isObject()) {
            throw new IllegalArgumentException("expected a mapping at the top level");
        }
        ShellProfile d = ShellProfile.DEFAULTS;
        String prompt = text(doc, "prompt", d.prompt());
        int history = doc.has("history_size") ? integer(doc.get("history_size"), "history_size") : d.historySize();
        String level = text(doc, "log_level", d.logLevel());
        JsonNode prov = doc.path("provenance");
        boolean enabled = prov.has("enabled") ? bool(prov.get("enabled"), "provenance.enabled") : d.provenanceEnabled();
        boolean cbor = prov.has("cbor") ? bool(prov.get("cbor"), "provenance.cbor") : d.provenanceCbor();
        JsonNode python = doc.path("python");
        boolean preload = python.has("preload") ? bool(python.get("preload"), "python.preload") : d.pythonPreload();
        return new ShellProfile(prompt, map(doc, "aliases"), map(doc, "environment"), history, level, enabled, cbor, preload);
    }

    private static String text(JsonNode doc, String field, String fallback) {
        JsonNode n = doc.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isValueNode()) {
            throw new IllegalArgumentException(field + ": expected a string");
        }
        return n.asString();
    }

    private static int integer(JsonNode n, String field) {
        if (!n.canConvertToInt() || n.asInt() < 0) {
            throw new IllegalArgumentException(field + ": expected a whole number >= 0, found " + n);
        }
        return n.asInt();
    }

    private static boolean bool(JsonNode n, String field) {
        if (!n.isBoolean()) {
            throw new IllegalArgumentException(field + ": expected true or false, found " + n);
        }
        return n.asBoolean();
    }

    private static Map<String, String> map(JsonNode doc, String field) {
        JsonNode n = doc.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(field + ": expected a mapping of names to strings");
        }
        for (var e : n.properties()) {
            if (!e.getValue().isValueNode()) {
                throw new IllegalArgumentException(field + "." + e.getKey() + ": expected a string");
            }
            out.put(e.getKey(), e.getValue().asString());
        }
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "malformed YAML" : s.lines().findFirst().orElse(s);
    }

    private static String location(JacksonException e) {
        var loc = e.getLocation();
        return loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
