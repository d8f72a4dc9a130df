package org.oasm.formats.provenance;

import java.time.Instant;

/**
 * Which execution records {@code oasm history} shows: all conditions must hold; null means "any".
 * The limit keeps the last N matches.
 *
 * @param actor an actor type ({@code Human}, {@code Automation}, {@code AI}, {@code System}; any
 *              case), a user, model or rule name (exact), or both as {@link Actor#describe()}
 *              writes them ({@code Human:ada})
 * @param text  a piece of the (redacted) command line
 */
public record HistoryFilter(String runId, String status, String actor, String text, Instant from, Instant to,
                            int limit) {

    /** The default of {@code oasm history}: the last 50 records. */
    public static final int DEFAULT_LIMIT = 50;

    public HistoryFilter {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    public static HistoryFilter last(int limit) {
        return new HistoryFilter(null, null, null, null, null, null, limit);
    }

    public HistoryFilter run(String id) {
        return new HistoryFilter(id, status, actor, text, from, to, limit);
    }

    public HistoryFilter status(String value) {
        return new HistoryFilter(runId, value, actor, text, from, to, limit);
    }

    public HistoryFilter actor(String value) {
        return new HistoryFilter(runId, status, value, text, from, to, limit);
    }

    public HistoryFilter text(String value) {
        return new HistoryFilter(runId, status, actor, value, from, to, limit);
    }

    public HistoryFilter between(Instant start, Instant end) {
        return new HistoryFilter(runId, status, actor, text, start, end, limit);
    }

    /** The filter prepared for testing many lines. */
    RecordMatcher matcher() {
        return new RecordMatcher(this);
    }
}
