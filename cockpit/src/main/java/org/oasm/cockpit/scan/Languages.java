package org.oasm.cockpit.scan;

import java.util.Locale;
import java.util.Map;

/**
 * The language of a file, from its name: the key that picks the domain layer of the rule
 * hierarchy ({@code rules/domain/LANG/}) and the rules whose {@code languages} name it. Files of
 * no known language are not scanned.
 */
public final class Languages {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("rs", "rust"), Map.entry("py", "python"), Map.entry("pyi", "python"),
            Map.entry("java", "java"), Map.entry("ps1", "powershell"), Map.entry("psm1", "powershell"),
            Map.entry("psd1", "powershell"), Map.entry("stl", "cad"), Map.entry("step", "cad"),
            Map.entry("stp", "cad"), Map.entry("js", "javascript"), Map.entry("mjs", "javascript"),
            Map.entry("cjs", "javascript"), Map.entry("ts", "typescript"), Map.entry("c", "c"),
            Map.entry("h", "c"), Map.entry("cc", "cpp"), Map.entry("cpp", "cpp"), Map.entry("cxx", "cpp"),
            Map.entry("hpp", "cpp"), Map.entry("go", "go"), Map.entry("sh", "shell"), Map.entry("bash", "shell"),
            Map.entry("oasm", "shell"), Map.entry("yaml", "yaml"), Map.entry("yml", "yaml"),
            Map.entry("toml", "toml"), Map.entry("json", "json"), Map.entry("md", "markdown"));

    private Languages() {
    }

    /** The language of a file name, or null when it has none this cockpit knows. */
    public static String of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".part.yaml") || lower.endsWith(".part.yml")) {
            return "cad";
        }
        int dot = lower.lastIndexOf('.');
        return dot < 0 ? null : BY_EXTENSION.get(lower.substring(dot + 1));
    }
}
