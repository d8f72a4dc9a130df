package org.oasm.formats.workcopy;

import org.oasm.formats.store.ArtifactRef;
import org.oasm.formats.store.ArtifactStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commit of a working copy, in steps that survive a crash at any point:
 * <ol>
 *   <li>compare copy, recorded source hashes and the source now; refuse on conflicts unless forced;</li>
 *   <li>save the bytes of every file about to be replaced under {@code artifacts/diffs/{copy_id}/before/}
 *       (checked against the hash they were judged by);</li>
 *   <li>write {@code change.diff} then {@code change.json}: from here the commit is prepared;</li>
 *   <li>write the files (each to a temporary file beside it, all synced together, then each moved
 *       into place with {@code ATOMIC_MOVE}), then delete the ones the copy deleted;</li>
 *   <li>hand the change to the {@link ChangeRecorder}, mark the copy committed, delete its files.</li>
 * </ol>
 * A commit that finds a prepared change resumes it: files already holding their new bytes are
 * skipped. For an artifact source, step 4 stores the copy as the version named in the change.
 */
final class Committer {

    private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)(?!.*\\d)");

    /** One path of a copy: its file in the copy folder and, for files and folders, in the source. */
    record Entry(String path, Path copyFile, Path sourceFile) {
    }

    private final CopyRegistry registry;
    private final ArtifactStore store;
    private final ChangeRecorder recorder;
    private final Clock clock;

    Committer(CopyRegistry registry, ArtifactStore store, ChangeRecorder recorder, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** Every path the copy or its recorded source has, sorted. */
    List<Entry> entries(WorkingCopy c) {
        SortedSet<String> paths = new TreeSet<>(c.sourceHashes().keySet());
        if (c.sourceKind() == SourceKind.DIRECTORY) {
            paths.addAll(FileSet.walk(c.copyDir()).keySet());
        }
        List<Entry> entries = new ArrayList<>();
        for (String p : paths) {
            Path source = switch (c.sourceKind()) {
                case FILE -> Path.of(c.source());
                case DIRECTORY -> FileSet.inside(Path.of(c.source()), p);
                case ARTIFACT -> null;
            };
            entries.add(new Entry(p, FileSet.inside(c.copyDir(), p), source));
        }
        return entries;
    }

    /** The source's bytes now (a stored version never changes); null when the file is absent. */
    byte[] currentSource(WorkingCopy c, Entry e) {
        return c.sourceKind() == SourceKind.ARTIFACT ? store.get(ArtifactRef.parse(c.source())) : FileSet.readOrNull(e.sourceFile());
    }

    CommitResult commit(WorkingCopy c, boolean force, String actor) {
        Optional<CommittedChange> prepared = registry.loadChange(c.copyId());
        CommittedChange change = prepared.orElseGet(() -> prepare(c, force, actor));
        if (change.files().isEmpty()) {
            return finish(c, Optional.empty());
        }
        if (c.sourceKind() == SourceKind.ARTIFACT) {
            ChangedFile f = change.files().getFirst();
            byte[] bytes = FileSet.readOrNull(FileSet.inside(c.copyDir(), f.path()));
            if (bytes == null || !FileSet.sha256(bytes).equals(f.afterSha256())) {
                throw new WorkingCopyException(c.copyDir().resolve(f.path()) + ": changed during the commit of " + c.copyId());
            }
            ArtifactRef source = ArtifactRef.parse(c.source());
            store.putBytes(bytes, ArtifactRef.parse(change.storedAs()), store.info(source).category(), f.path(), actor);
        } else {
            apply(c, change, force);
        }
        recorder.record(change);
        return finish(c, Optional.of(change));
    }

    private CommittedChange prepare(WorkingCopy c, boolean force, String actor) {
        List<Entry> changed = new ArrayList<>();
        List<String> beforeHashes = new ArrayList<>();
        List<String> afterHashes = new ArrayList<>();
        List<Path> conflicts = new ArrayList<>();
        for (Entry e : entries(c)) {
            String original = c.sourceHashes().get(e.path());
            String copy = FileSet.sha256OrNull(e.copyFile());
            if (copy == null && c.sourceKind() != SourceKind.DIRECTORY) {
                throw new WorkingCopyException(e.copyFile() + ": the copy's only file was deleted; discard "
                        + c.copyId() + " instead of committing it");
            }
            String current = c.sourceKind() == SourceKind.ARTIFACT ? original : FileSet.sha256OrNull(e.sourceFile());
            if (Objects.equals(original, copy)) {
                if (!Objects.equals(current, original)) {
                    conflicts.add(e.sourceFile());
                }
                continue;
            }
            if (Objects.equals(current, copy)) {
                continue;
            }
            if (!Objects.equals(current, original)) {
                conflicts.add(e.sourceFile());
            }
            changed.add(e);
            beforeHashes.add(current);
            afterHashes.add(copy);
        }
        if (!conflicts.isEmpty() && !force) {
            throw new WorkingCopyException(conflicts.getFirst() + ": changed since working copy " + c.copyId()
                    + " was made" + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "")
                    + "; commit with force to overwrite");
        }
        List<ChangedFile> files = new ArrayList<>();
        StringBuilder diff = new StringBuilder();
        Path beforeDir = registry.changeDir(c.copyId()).resolve("before");
        List<Supplier<FileSet.Staged>> saves = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            Entry e = changed.get(i);
            String before = beforeHashes.get(i);
            Path saved = null;
            byte[] beforeBytes;
            if (c.sourceKind() == SourceKind.ARTIFACT) {
                beforeBytes = currentSource(c, e);
            } else if (before != null) {
                // the source's bytes, read once: saved for a revert and compared for the diff
                saved = FileSet.inside(beforeDir, e.path());
                beforeBytes = FileSet.readOrNull(e.sourceFile());
                String read = beforeBytes == null ? null : FileSet.sha256(beforeBytes);
                if (!before.equals(read)) {
                    throw new WorkingCopyException(e.sourceFile() + ": changed while being copied (sha256 " + read
                            + ", expected " + before + ")");
                }
                Path to = saved;
                byte[] bytes = beforeBytes;
                saves.add(() -> FileSet.stageBytes(to, bytes, e.sourceFile()));
            } else {
                beforeBytes = null;
            }
            diff.append(UnifiedDiff.file(e.path(), beforeBytes, FileSet.readOrNull(e.copyFile())).text());
            files.add(new ChangedFile(e.path(), before, afterHashes.get(i), saved));
        }
        FileSet.install(FileSet.stageAll(saves));
        String storedAs = c.sourceKind() == SourceKind.ARTIFACT && !files.isEmpty()
                ? nextVersion(ArtifactRef.parse(c.source())).toString() : null;
        CommittedChange change = new CommittedChange(c.copyId(), c.sourceKind(), c.source(), storedAs, files,
                diff.toString(), clock.instant().truncatedTo(ChronoUnit.MILLIS), actor);
        if (!files.isEmpty()) {
            registry.saveChange(change);
        }
        return change;
    }

    /**
     * Writes the change into the source: every file is checked first, the new bytes are staged
     * beside their targets and synced together, then moved into place; files the copy deleted
     * are deleted last. A file that already holds its new bytes is skipped, so an interrupted
     * commit can be run again.
     */
    private void apply(WorkingCopy c, CommittedChange change, boolean force) {
        List<FileSet.Replacement> todo = new ArrayList<>();
        for (ChangedFile f : change.files()) {
            Path target = change.target(f);
            String current = FileSet.sha256OrNull(target);
            if (Objects.equals(current, f.afterSha256())) {
                continue;
            }
            if (!Objects.equals(current, f.beforeSha256()) && !force) {
                throw new WorkingCopyException(target + ": changed during the commit of working copy " + c.copyId()
                        + "; commit with force to overwrite");
            }
            todo.add(new FileSet.Replacement(target,
                    f.afterSha256() == null ? null : FileSet.inside(c.copyDir(), f.path()), f.afterSha256()));
        }
        FileSet.replaceAll(todo, Path.of(change.sourceRoot()));
    }

    private CommitResult finish(WorkingCopy c, Optional<CommittedChange> change) {
        WorkingCopy done = c.closed(CopyState.COMMITTED, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                change.map(CommittedChange::storedAs).orElse(null));
        registry.save(done);
        FileSet.deleteTree(c.copyDir());
        return new CommitResult(done, change);
    }

    /**
     * The version a commit of an artifact copy stores: the source version with its last number
     * raised by one ({@code v1.0 -> v1.1}, {@code v2 -> v3}, {@code v1.0-rc1 -> v1.0-rc2}), or
     * {@code .1} appended when it has no number ({@code vbeta -> vbeta.1}); raised again while
     * that version is already stored.
     */
    ArtifactRef nextVersion(ArtifactRef source) {
        String version = source.version();
        do {
            Matcher m = LAST_NUMBER.matcher(version);
            version = m.find()
                    ? version.substring(0, m.start()) + new java.math.BigInteger(m.group(1)).add(java.math.BigInteger.ONE) + version.substring(m.end())
                    : version + ".1";
        } while (store.find(new ArtifactRef(source.name(), version)).isPresent());
        return new ArtifactRef(source.name(), version);
    }
}
