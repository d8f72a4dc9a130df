package org.oasm.formats.workcopy;

import java.util.Optional;

/**
 * The outcome of a commit: the copy in its committed state, and the change, absent when the copy
 * did not differ from its source (nothing was written or recorded).
 *
 * @param copy   the working copy, now committed
 * @param change what was written, if anything
 */
public record CommitResult(WorkingCopy copy, Optional<CommittedChange> change) {
}
