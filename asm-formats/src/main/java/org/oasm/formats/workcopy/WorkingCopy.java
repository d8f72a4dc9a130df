package org.oasm.formats.workcopy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One working copy as its metadata file ({@code logs/working_copies/{copy_id}_metadata.json})
 * describes it. A record so that the cockpit and command blocks can pass it around and print it.
 *
 * @param copyId       the copy's id ({@code wc_20260102T030405Z_1a2b3c})
 * @param sourceKind   what it was made from
 * @param source       the absolute source path, or the artifact reference {@code /artifacts/NAME/vVERSION}
 * @param copyDir      the folder holding the copy, {@code artifacts/working/{copy_id}}
 * @param sourceHashes SHA-256 of every source file when the copy was made, by path relative to
 *                     the copy folder ({@code /}-separated; a single file or artifact has one entry)
 * @param created      when the copy was made (UTC)
 * @param actor        who made it
 * @param state        active, committed or discarded
 * @param closedAt     when it was committed or discarded; null while active
 * @param storedAs     for an artifact source, the new version a commit stored; otherwise null
 */
public record WorkingCopy(String copyId, SourceKind sourceKind, String source, Path copyDir,
                          SortedMap<String, String> sourceHashes, Instant created, String actor,
                          CopyState state, Instant closedAt, String storedAs) {

    public WorkingCopy {
        sourceHashes = Collections.unmodifiableSortedMap(new TreeMap<>(sourceHashes));
    }

    /** This copy in another state. */
    WorkingCopy closed(CopyState newState, Instant at, String newStoredAs) {
        return new WorkingCopy(copyId, sourceKind, source, copyDir, sourceHashes, created, actor, newState, at, newStoredAs);
    }
}
