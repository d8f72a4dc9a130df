package org.oasm.cockpit.rules;

import java.util.List;
import java.util.Map;

/**
 * One rule as a rule file defines it: what a finding is, where it applies and what it says. The
 * layers' settings then decide whether it runs and how severe it is ({@link ResolvedRule}).
 *
 * @param languages languages of the files it applies to; {@code *} for all
 * @param include   globs of the only files it applies to (empty: all)
 * @param exclude   globs of the files it skips
 * @param regex     the pattern of a match (Java, multi-line mode); may contain {@code ${option}}
 * @param required  a pattern that must be near a match for it not to be a finding, or null
 * @param forbidden a pattern that makes a match a finding when near it, or null
 * @param options   option defaults
 * @param fixTemplate id of the command block that fixes findings, or null
 * @param origin    the file that defines it
 */
public record RuleDefinition(String id, String description, List<String> languages, List<String> include,
        List<String> exclude, String regex, boolean ignoreCase, Window required, Window forbidden, String message,
        Severity severity, Level level, Map<String, String> options, List<String> tags, String fixTemplate,
        String fixHint, RuleFile.Origin origin) {

    public RuleDefinition {
        languages = List.copyOf(languages);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        options = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
        tags = List.copyOf(tags);
    }

    /** Whether the rule applies to files of {@code language}. */
    public boolean appliesTo(String language) {
        return languages.contains("*") || languages.contains(language);
    }
}
