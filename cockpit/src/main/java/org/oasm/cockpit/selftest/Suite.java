package org.oasm.cockpit.selftest;

import java.util.Locale;

/**
 * Which self-test: {@code quick} checks every file of the installation and runs the parts that
 * start no outside program and at most one Python module, in a few seconds; {@code full} runs
 * everything (every command block on its sample, every Python module, the store's tamper check).
 */
public enum Suite {
    QUICK, FULL;

    /** The suite named {@code quick} or {@code full}; null for anything else. */
    public static Suite parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> null;
        };
    }

    /** Whether a part meant for {@code wanted} runs in this suite (the full suite runs every part). */
    boolean includes(Suite wanted) {
        return this == FULL || wanted == QUICK;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
