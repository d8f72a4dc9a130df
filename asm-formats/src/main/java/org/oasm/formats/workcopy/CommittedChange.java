package org.oasm.formats.workcopy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What one commit changed, handed to the {@link ChangeRecorder} (the cockpit adapts it to a
 * lineage record) and kept as {@code artifacts/diffs/{copy_id}/change.json} so that a later
 * revert can find the saved before-bytes and call {@link WorkingCopies#restore}.
 *
 * @param copyId      the working copy committed
 * @param sourceKind  what the copy was made from
 * @param sourceRoot  the absolute source file or folder, or the artifact reference
 * @param storedAs    for an artifact source, the new version's reference; otherwise null
 * @param files       the files changed, by path
 * @param unifiedDiff the change as a unified diff (also in {@code artifacts/diffs/{copy_id}/change.diff})
 * @param committed   when the commit was made (UTC)
 * @param actor       who committed
 */
public record CommittedChange(String copyId, SourceKind sourceKind, String sourceRoot, String storedAs,
                              List<ChangedFile> files, String unifiedDiff, Instant committed, String actor) {

    public CommittedChange {
        files = List.copyOf(files);
    }

    /** The file on disk that {@code file} names: the source file itself, or one inside the source folder. */
    public Path target(ChangedFile file) {
        return switch (sourceKind) {
            case FILE -> Path.of(sourceRoot);
            case DIRECTORY -> FileSet.inside(Path.of(sourceRoot), file.path());
            case ARTIFACT -> throw new WorkingCopyException(sourceRoot + ": a stored artifact has no file to write in place");
        };
    }
}
