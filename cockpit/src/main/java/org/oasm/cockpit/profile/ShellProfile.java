package org.oasm.cockpit.profile;

import java.util.Map;

/**
 * The user's settings from {@code shell_profile.yaml}: the prompt, aliases, environment, history
 * size, log level, and whether commands are recorded. The prompt may use {@code {cwd}},
 * {@code {status}} (empty after success, {@code " [N]"} after a failure), {@code {user}},
 * {@code {host}} and {@code {root}}. {@code python.preload} starts the GraalPy context of
 * {@code oasm analyze} in the background at start-up.
 */
public record ShellProfile(String prompt, Map<String, String> aliases, Map<String, String> environment,
        int historySize, String logLevel, boolean provenanceEnabled, boolean provenanceCbor, boolean pythonPreload) {

    public static final ShellProfile DEFAULTS = new ShellProfile("{cwd}{status} oasm> ", Map.of(), Map.of(),
            10_000, "info", true, false, false);

    public ShellProfile {
        aliases = Map.copyOf(aliases);
        environment = Map.copyOf(environment);
    }
}
