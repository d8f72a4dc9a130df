package org.oasm.formats.provenance;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Which execution records {@code oasm history} shows: all conditions must hold; null means "any".
 * The limit keeps the last N matches.
 *
 * @param actor an actor type ({@code Human}, {@code AI}), a user, model or rule name, or both
 *              as {@link Actor#describe()} writes them ({@code Human:ada})
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

    /** A cheap test on the raw line that never rejects a match (it may accept a non-match). */
    boolean mightMatch(String line) {
        return (status == null || line.contains("\"status\":\"" + status + "\""))
                && (text == null || !isPlain(text) || line.contains(text))
                && (actor == null || !isPlain(actor) || containsIgnoringCase(line, actorName()));
    }

    /** The part of the actor filter that appears in the record: the name, or the type alone. */
    private String actorName() {
        int colon = actor.indexOf(':');
        return colon < 0 ? actor : actor.substring(colon + 1);
    }

    /** Case-insensitive contains, jumping between occurrences of the first character. */
    private static boolean containsIgnoringCase(String line, String part) {
        if (part.isEmpty()) {
            return true;
        }
        char lower = Character.toLowerCase(part.charAt(0));
        char upper = Character.toUpperCase(part.charAt(0));
        int from = 0;
        while (true) {
            int a = line.indexOf(lower, from);
            int b = lower == upper ? -1 : line.indexOf(upper, from);
            int at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
            if (at < 0 || at > line.length() - part.length()) {
                return false;
            }
            if (line.regionMatches(true, at, part, 0, part.length())) {
                return true;
            }
            from = at + 1;
        }
    }

    /** The exact test on a parsed record. */
    boolean matches(JsonNode record) {
        if (runId != null && !runId.equals(record.path("run_id").asString(""))) {
            return false;
        }
        if (status != null && !status.equals(record.path("status").asString(""))) {
            return false;
        }
        if (text != null && !record.path("command").asString("").contains(text)) {
            return false;
        }
        if (actor != null && !actorMatches(record.path("actor"))) {
            return false;
        }
        String time = record.path("timestamp").asString("");
        return (from == null || time.compareTo(Records.timestamp(from)) >= 0)
                && (to == null || time.compareTo(Records.timestamp(to)) <= 0);
    }

    private boolean actorMatches(JsonNode node) {
        String described;
        try {
            described = Actor.fromJson(node).describe();
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = described.indexOf(':');
        String type = colon < 0 ? described : described.substring(0, colon);
        String name = colon < 0 ? "" : described.substring(colon + 1);
        return described.equalsIgnoreCase(actor) || type.equalsIgnoreCase(actor) || name.equals(actor);
    }

    /** Text that JSON writes unchanged, so that the raw line contains it as is. */
    private static boolean isPlain(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
    }
}
