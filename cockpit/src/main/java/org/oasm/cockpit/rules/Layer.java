package org.oasm.cockpit.rules;

import java.util.Locale;

/**
 * The four layers of the rule hierarchy, most specific first: the order in which a setting is
 * looked up (Session > Project > Domain > Core). A value set by an earlier layer wins.
 */
public enum Layer {
    SESSION, PROJECT, DOMAIN, CORE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The layer of a rule file from its path under {@code templates/}: {@code rules/core/...},
     * {@code rules/domain/LANG/...}, {@code rules/project/...}, {@code rules/session/...}; null for
     * any other path.
     */
    public static Layer ofPath(String relativePath) {
        String[] parts = relativePath.split("/");
        if (parts.length < 3 || !parts[0].equals("rules")) {
            return null;
        }
        return switch (parts[1]) {
            case "core" -> CORE;
            case "domain" -> parts.length >= 4 ? DOMAIN : null;
            case "project" -> PROJECT;
            case "session" -> SESSION;
            default -> null;
        };
    }

    /** The domain of a {@code rules/domain/LANG/...} path, or null. */
    public static String domainOfPath(String relativePath) {
        String[] parts = relativePath.split("/");
        return parts.length >= 4 && parts[0].equals("rules") && parts[1].equals("domain") ? parts[2] : null;
    }
}
