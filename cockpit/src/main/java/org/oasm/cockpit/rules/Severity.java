package org.oasm.cockpit.rules;

import java.util.Locale;

/**
 * How serious a finding is, most serious first. It exists as a type so that scans, command-block
 * steps ({@code fail_on}) and rule settings compare severities the same way.
 */
public enum Severity {
    ERROR, WARNING, INFO, HINT;

    /** The spelling in rule files, reports and the diagnostic index. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least as serious as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** The less serious of this and {@code cap}. */
    public Severity capped(Severity cap) {
        return atLeast(cap) ? cap : this;
    }

    /** Parses {@code error|warning|info|hint}; null when the text is none of them. */
    public static Severity parseOrNull(String text) {
        for (Severity s : values()) {
            if (s.json().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
