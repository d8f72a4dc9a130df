package org.oasm.formats.workcopy;

import java.util.Locale;

/**
 * The life of a working copy: only an active copy can be diffed against, committed or discarded.
 * Written to metadata in lower case ({@code active}, {@code committed}, {@code discarded}).
 */
public enum CopyState {
    ACTIVE, COMMITTED, DISCARDED;

    /** The metadata spelling. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CopyState fromJson(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
