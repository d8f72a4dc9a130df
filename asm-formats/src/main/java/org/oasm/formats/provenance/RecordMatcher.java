package org.oasm.formats.provenance;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A {@link HistoryFilter} prepared for testing a million lines: the texts a matching line must
 * contain are computed once, so that most lines are rejected by a plain {@code contains} before
 * they are parsed.
 */
final class RecordMatcher {

    private static final List<String> ACTOR_TYPES = List.of("Human", "Automation", "AI", "System");

    private final HistoryFilter filter;
    private final String statusNeedle;
    private final String actorType;
    private final String actorName;
    private final String actorTypeNeedle;
    private final String from;
    private final String to;

    RecordMatcher(HistoryFilter filter) {
        this.filter = filter;
        this.statusNeedle = filter.status() == null ? null : "\"status\":\"" + filter.status() + "\"";
        String actor = filter.actor();
        int colon = actor == null ? -1 : actor.indexOf(':');
        if (actor == null) {
            actorType = null;
            actorName = null;
        } else if (colon >= 0) {
            actorType = canonicalType(actor.substring(0, colon));
            actorName = actor.substring(colon + 1);
        } else if (canonicalType(actor) != null) {
            actorType = canonicalType(actor);
            actorName = null;
        } else {
            actorType = null;
            actorName = actor;
        }
        this.actorTypeNeedle = actorType == null ? null : "\"type\":\"" + actorType + "\"";
        this.from = filter.from() == null ? null : Records.timestamp(filter.from());
        this.to = filter.to() == null ? null : Records.timestamp(filter.to());
    }

    /** The earliest timestamp a match may have, or null. */
    String from() {
        return from;
    }

    /** A cheap test on the raw line that never rejects a match (it may accept a non-match). */
    boolean mightMatch(String line) {
        return (statusNeedle == null || line.contains(statusNeedle))
                && (filter.text() == null || !isPlain(filter.text()) || line.contains(filter.text()))
                && (actorTypeNeedle == null || line.contains(actorTypeNeedle))
                && (actorName == null || !isPlain(actorName) || line.contains(actorName));
    }

    /** The exact test on a parsed record. */
    boolean matches(JsonNode record) {
        if (filter.runId() != null && !filter.runId().equals(record.path("run_id").asString(""))) {
            return false;
        }
        if (filter.status() != null && !filter.status().equals(record.path("status").asString(""))) {
            return false;
        }
        if (filter.text() != null && !record.path("command").asString("").contains(filter.text())) {
            return false;
        }
        if (filter.actor() != null && !actorMatches(record.path("actor"))) {
            return false;
        }
        String time = record.path("timestamp").asString("");
        return (from == null || time.compareTo(from) >= 0) && (to == null || time.compareTo(to) <= 0);
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
        String name = colon < 0 ? null : described.substring(colon + 1);
        if (filter.actor().indexOf(':') >= 0 && actorType == null) {
            return false;
        }
        return (actorType == null || actorType.equals(type)) && (actorName == null || actorName.equals(name));
    }

    private static String canonicalType(String type) {
        return ACTOR_TYPES.stream().filter(t -> t.equalsIgnoreCase(type)).findFirst().orElse(null);
    }

    /** Text that JSON writes unchanged, so that the raw line contains it as is. */
    private static boolean isPlain(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
    }
}
