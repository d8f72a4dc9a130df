package org.oasm.formats.workcopy;

/**
 * Receives every committed change. It exists so that this package does not depend on the
 * provenance writer: the cockpit adapts the lineage writer to this interface, tests record into
 * a list. Called once the files are written and before the copy is marked committed, so a crash
 * between the two can deliver a change twice, never lose one.
 */
@FunctionalInterface
public interface ChangeRecorder {

    /** A recorder that keeps nothing. */
    ChangeRecorder NONE = change -> { };

    void record(CommittedChange change);
}
