package org.oasm.cockpit.rules;

import java.util.Locale;

/**
 * Whether a rule runs and how much its findings count: {@code required} reports at the rule's
 * severity, {@code optional} reports but never above warning (so it cannot fail a build),
 * {@code off} does not run the rule at all. The three values of the plan's rule hierarchy.
 */
public enum Level {
    REQUIRED, OPTIONAL, OFF;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code required|optional|off}; null when the text is none of them. */
    public static Level parseOrNull(String text) {
        for (Level l : values()) {
            if (l.json().equals(text)) {
                return l;
            }
        }
        return null;
    }
}
