package org.oasm.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code oasm analyze --module M --file F} lets a module read, and the arguments of its
 * {@code main}. The rule is "the files the command names": F itself (a folder grants its tree),
 * plus what F names in turn, decided here in Java before Python runs:
 * <ul>
 *   <li>pattern_lab: a diagnostic index grants the source files its diagnostics name, under the
 *       scanned {@code path} (so the offending lines can be quoted and turned into a rule);
 *       diagnostics as text lines grant the files the lines name; execution records grant
 *       nothing more.</li>
 *   <li>semi_fixers: a {@code change.diff} grants the {@code before/} folder beside it (the
 *       original files of a working-copy commit), to check the suggested block against them.</li>
 *   <li>analysis_viz: F only.</li>
 * </ul>
 */
public final class ModuleInputs {

    private static final Pattern TEXT_DIAGNOSTIC = Pattern.compile("^([^:\\s][^:]*):[0-9]+:", Pattern.MULTILINE);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The grants and the keyword arguments of one {@code main} call. */
    public record Request(Grants grants, Map<String, Object> kwargs) { }

    private ModuleInputs() {
    }

    /**
     * @param file   the input, absolute
     * @param cwd    the directory relative paths inside the input are read against
     * @param output the output folder, or null for text on stdout
     */
    public static Request forMain(String module, Path file, Path cwd, Path output) throws IOException {
        Grants g = Files.isDirectory(file) ? new Grants(List.of(), List.of(file), output)
                : new Grants(List.of(file), List.of(), output);
        Map<String, Object> options = new LinkedHashMap<>();
        if (module.equals("pattern_lab") && Files.isRegularFile(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Path scanned = scannedPath(text, cwd, file);
            if (scanned != null) {
                Path root = Files.isDirectory(scanned) ? scanned : scanned.getParent();
                for (JsonNode d : JSON.readTree(text).path("diagnostics")) {
                    Path p = root.resolve(d.path("file").asString("")).normalize();
                    if (p.startsWith(root) && Files.isRegularFile(p) && !g.readFiles().contains(p)) {
                        g = g.andFile(p);
                    }
                }
                options.put("source_root", root.toString());
            } else if (!text.stripLeading().startsWith("{") && !text.stripLeading().startsWith("[")) {
                Matcher m = TEXT_DIAGNOSTIC.matcher(text);
                while (m.find()) {
                    Path p = cwd.resolve(m.group(1)).normalize();
                    if (Files.isRegularFile(p) && !g.readFiles().contains(p)) {
                        g = g.andFile(p);
                    }
                }
                options.put("source_root", cwd.toString());
            }
        }
        if (module.equals("semi_fixers") && Files.isRegularFile(file)) {
            Path before = file.resolveSibling("before");
            if (Files.isDirectory(before)) {
                g = g.andTree(before);
            }
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("files", List.of(file.toString()));
        kwargs.put("options", options);
        return new Request(g, kwargs);
    }

    /** The existing path a diagnostic index says was scanned, or null. */
    private static Path scannedPath(String text, Path cwd, Path file) {
        if (!text.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode doc = JSON.readTree(text);
            JsonNode p = doc.path("path");
            if (!doc.path("diagnostics").isArray() || !p.isString()) {
                return null;
            }
            for (Path base : List.of(cwd, file.getParent())) {
                Path candidate = base.resolve(p.asString()).normalize();
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
        } catch (JacksonException e) {
            return null; // not JSON after all: pattern_lab reports what it is
        }
        return null;
    }
}
