package org.oasm.cockpit.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rule file, read and checked: its place in the hierarchy, the rules it defines, the settings
 * it makes and (in the session layer) its filters.
 *
 * @param settings settings by rule id, in file order
 * @param filters  filters by name, in file order
 */
public record RuleFile(Origin origin, String description, List<RuleDefinition> definitions,
        Map<String, Setting> settings, Map<String, Filter> filters) {

    /**
     * Where a rule file sits: its layer, its domain (for domain files) and how it is named in
     * messages ({@code templates/rules/core/x.yaml}, {@code jar:oasm/templates/...}, or the path of
     * a project's {@code .oasm/rules/} file).
     *
     * @param path the path under {@code templates/} ({@code rules/core/x.yaml}), or the absolute
     *             path of a project-local file
     */
    public record Origin(Layer layer, String domain, String path, String name) {

        /** {@code domain rust} or {@code core}: the layer as explain and resolve print it. */
        public String label() {
            return domain == null ? layer.json() : layer.json() + "/" + domain;
        }
    }

    public RuleFile {
        definitions = List.copyOf(definitions);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    }
}
