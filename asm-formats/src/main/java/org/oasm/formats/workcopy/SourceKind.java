package org.oasm.formats.workcopy;

import java.util.Locale;

/**
 * What a working copy was made from; it decides how a commit writes back (in place for files
 * and folders, as a new stored version for artifacts). Written to metadata in lower case.
 */
public enum SourceKind {
    /** A version in the artifact store; committing stores a new version. */
    ARTIFACT,
    /** One regular file; committing replaces it atomically. */
    FILE,
    /** A folder tree; committing adds, replaces and deletes files in it, each atomically. */
    DIRECTORY;

    /** The metadata spelling ({@code artifact}, {@code file}, {@code directory}). */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SourceKind fromJson(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
