package org.oasm.formats.workcopy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Undoes a committed change from its saved before-bytes: the primitive a revert runs on. All
 * files are checked before any is written; each is then written atomically (all staged and
 * synced together, then moved into place, then the files the change added deleted), and a file that
 * already holds its before-bytes is skipped, so an interrupted restore can simply be run again.
 */
final class Restorer {

    List<Path> restore(CommittedChange change, boolean force) {
        if (change.sourceKind() == SourceKind.ARTIFACT) {
            throw new WorkingCopyException(change.sourceRoot() + ": committed as the new version " + change.storedAs()
                    + "; stored versions are immutable and the previous one is still stored, so there is nothing to restore");
        }
        List<FileSet.Replacement> todo = new ArrayList<>();
        for (ChangedFile f : change.files()) {
            Path target = change.target(f);
            String current = FileSet.sha256OrNull(target);
            if (Objects.equals(current, f.beforeSha256())) {
                continue;
            }
            if (!Objects.equals(current, f.afterSha256()) && !force) {
                throw new WorkingCopyException(target + ": changed since the commit of working copy " + change.copyId()
                        + " (sha256 " + current + ", committed " + f.afterSha256() + "); restore with force to overwrite");
            }
            if (f.beforeSha256() != null && (f.savedBefore() == null
                    || !f.beforeSha256().equals(FileSet.sha256OrNull(f.savedBefore())))) {
                throw new WorkingCopyException(f.savedBefore() + ": the saved bytes of " + target + " are missing or altered");
            }
            todo.add(new FileSet.Replacement(target, f.beforeSha256() == null ? null : f.savedBefore(), f.beforeSha256()));
        }
        FileSet.replaceAll(todo, Path.of(change.sourceRoot()));
        return todo.stream().map(FileSet.Replacement::target).toList();
    }
}
