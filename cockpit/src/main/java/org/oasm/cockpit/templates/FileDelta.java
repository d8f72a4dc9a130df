package org.oasm.cockpit.templates;

/**
 * One file's change in a step or in a whole block: added, modified or deleted, lines added and
 * removed, and its part of the unified diff.
 */
public record FileDelta(String path, String status, int added, int removed, String diff) {
}
