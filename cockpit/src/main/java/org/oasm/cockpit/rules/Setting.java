package org.oasm.cockpit.rules;

import java.util.Map;

/**
 * What one layer says about one rule: any of a level, a severity and option values. A field that
 * is null (or an option that is absent) is left to the layers below.
 */
public record Setting(Level level, Severity severity, Map<String, String> options) {

    public Setting {
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
    }

    public static Setting ofLevel(Level level) {
        return new Setting(level, null, Map.of());
    }

    public boolean isEmpty() {
        return level == null && severity == null && options.isEmpty();
    }
}
