package org.oasm.cockpit.rules;

import java.util.Map;

/**
 * A named set of session settings that can be switched on and off as a whole, such as the plan's
 * {@code skip_unsafe_audit: true} ("temporarily disable during prototyping").
 *
 * @param sets the settings it applies while active, by rule id
 */
public record Filter(String name, String description, boolean active, Map<String, Setting> sets) {

    public Filter {
        sets = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sets));
    }
}
