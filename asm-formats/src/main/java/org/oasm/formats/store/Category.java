package org.oasm.formats.store;

import java.util.Locale;

/**
 * The three shelves of the store ({@code artifacts/hdf5/templates|baselines|snapshots}). It exists
 * as a type so that the folder names are written once and so that callers that do not care can
 * rely on one default rule ({@link #defaultFor(String)}) instead of inventing their own.
 */
public enum Category {
    /** Command-block templates and other inputs that are reused as they are. */
    TEMPLATES("templates"),
    /** Reference states that scans and diffs compare against. */
    BASELINES("baselines"),
    /** Everything else: states captured at a moment, including new versions made by commits. */
    SNAPSHOTS("snapshots");

    private final String folder;

    Category(String folder) {
        this.folder = folder;
    }

    /** The folder name under {@code artifacts/hdf5/}. */
    public String folder() {
        return folder;
    }

    /**
     * The default rule when a caller names no category: a name that starts with {@code template}
     * goes to templates, one that starts with {@code baseline} to baselines, anything else to
     * snapshots (case-insensitive).
     */
    public static Category defaultFor(String artifactName) {
        String lower = artifactName.toLowerCase(Locale.ROOT);
        if (lower.startsWith("template")) {
            return TEMPLATES;
        }
        if (lower.startsWith("baseline")) {
            return BASELINES;
        }
        return SNAPSHOTS;
    }

    /** Parses a folder name ({@code templates}, {@code baselines}, {@code snapshots}). */
    public static Category parse(String text) {
        for (Category c : values()) {
            if (c.folder.equalsIgnoreCase(text) || c.name().equalsIgnoreCase(text)) {
                return c;
            }
        }
        throw new StoreException(text + ": unknown category (expected templates, baselines or snapshots)");
    }
}
