package org.oasm.cockpit.rules;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule after the hierarchy has spoken: each value with the layer (and file) that set it.
 *
 * @param options each option's value and where it came from
 * @param regex   the match pattern with the options put in
 */
public record ResolvedRule(RuleDefinition definition, Value<Level> level, Value<Severity> severity,
        Map<String, Value<String>> options, String regex, Window required, Window forbidden, String message) {

    /**
     * One resolved value and who set it.
     *
     * @param layer  the layer that set it (for a default, the layer that defines the rule)
     * @param source the file (and filter) that set it, or {@code default in FILE}
     */
    public record Value<T>(T value, Layer layer, String source) {
    }

    public ResolvedRule {
        options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public String id() {
        return definition.id();
    }

    /** The severity findings are reported with: an optional rule never reports above warning. */
    public Severity effectiveSeverity() {
        return level.value() == Level.OPTIONAL ? severity.value().capped(Severity.WARNING) : severity.value();
    }

    public boolean enabled() {
        return level.value() != Level.OFF;
    }
}
