package org.oasm.formats.workcopy;

import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.store.ArtifactInfo;
import org.oasm.formats.store.ArtifactRef;
import org.oasm.formats.store.ArtifactStore;
import org.oasm.formats.store.StoreException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Copy-on-work: the API that command blocks and the {@code oasm workcopy} commands run on.
 * Work happens on a copy ({@code artifacts/working/{copy_id}/}) of a stored artifact, a file or a
 * folder; the original is untouched until {@link #commit}, which writes each changed file back
 * atomically after saving the bytes it replaces, so that {@link #restore} can undo it exactly.
 *
 * <p>Rules: a commit refuses when a source file changed since the copy was made, unless forced;
 * forced, it overwrites only the files the copy changed (a file changed only in the source is
 * left as it is). Files added to the source folder since the copy was made are left alone. A
 * commit resumes a prepared commit that was interrupted. A stored artifact is never written in
 * place: committing stores the copy as a new version (see {@link Committer#nextVersion}).
 */
public final class WorkingCopies {

    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final CopyRegistry registry;
    private final ArtifactStore store;
    private final Clock clock;
    private final Committer committer;
    private final SecureRandom random = new SecureRandom();

    public WorkingCopies(OasmRoot root, ArtifactStore store, ChangeRecorder recorder) {
        this(root, store, recorder, Clock.systemUTC());
    }

    public WorkingCopies(OasmRoot root, ArtifactStore store, ChangeRecorder recorder, Clock clock) {
        this.registry = new CopyRegistry(root);
        this.store = store;
        this.clock = clock;
        this.committer = new Committer(registry, store, recorder, clock);
    }

    /**
     * Makes a copy of {@code refOrPath}: an artifact reference ({@code /artifacts/NAME/vVERSION},
     * or {@code NAME/vVERSION} when no such file exists) or the path of a file or folder.
     */
    public WorkingCopy create(String refOrPath, String actor) {
        if (ArtifactRef.looksLikeRef(refOrPath)) {
            return create(ArtifactRef.parse(refOrPath), actor);
        }
        Path path = Path.of(refOrPath);
        if (Files.exists(path)) {
            return create(path, actor);
        }
        try {
            ArtifactRef ref = ArtifactRef.parse(refOrPath);
            if (store.find(ref).isPresent()) {
                return create(ref, actor);
            }
        } catch (StoreException notARef) {
            // fall through to the error below
        }
        throw new WorkingCopyException(refOrPath + ": no such file, folder or stored artifact");
    }

    /** Copies a regular file or a folder tree (symbolic links are refused). */
    public WorkingCopy create(Path source, String actor) {
        Path src = source.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(src) || !(Files.isRegularFile(src) || Files.isDirectory(src))) {
            throw new WorkingCopyException(source + ": not a regular file or folder");
        }
        boolean dir = Files.isDirectory(src);
        return make(dir ? SourceKind.DIRECTORY : SourceKind.FILE, src.toString(), actor, copyDir -> {
            SortedMap<String, String> hashes = new TreeMap<>();
            if (dir) {
                Set<Path> skip = Set.of(registry.root().artifacts(), registry.root().logs());
                List<String> names = new ArrayList<>();
                List<Supplier<FileSet.Staged>> jobs = new ArrayList<>();
                for (Map.Entry<String, Path> e : FileSet.walk(src, skip).entrySet()) {
                    names.add(e.getKey());
                    jobs.add(() -> FileSet.stageCopy(e.getValue(), FileSet.inside(copyDir, e.getKey()), null));
                }
                List<FileSet.Staged> staged = FileSet.stageAll(jobs);
                for (int i = 0; i < names.size(); i++) {
                    hashes.put(names.get(i), staged.get(i).sha256());
                }
                FileSet.install(staged);
            } else {
                String name = src.getFileName().toString();
                hashes.put(name, FileSet.copyAtomically(src, copyDir.resolve(name), null));
            }
            return hashes;
        });
    }

    /** Copies the content of a stored version into a file named after its original file. */
    public WorkingCopy create(ArtifactRef ref, String actor) {
        ArtifactInfo info = store.info(ref);
        byte[] content = store.get(ref);
        return make(SourceKind.ARTIFACT, ref.toString(), actor, copyDir -> {
            String name = fileName(info.originalName(), ref.name());
            FileSet.writeAtomically(copyDir.resolve(name), content);
            return new TreeMap<>(Map.of(name, info.sha256()));
        });
    }

    /** Every working copy with metadata, oldest first. */
    public List<WorkingCopy> list() {
        return registry.list();
    }

    /** One working copy's metadata. */
    public WorkingCopy get(String copyId) {
        return registry.load(copyId);
    }

    /**
     * What a commit would write: the files the copy changed (added, modified, deleted since it was
     * made), each against its source as it is now. A file changed only in the source is not shown;
     * a commit refuses it as a conflict.
     */
    public CopyDiff diff(String copyId) {
        WorkingCopy c = active(copyId, "diff");
        List<FileChange> files = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Committer.Entry e : committer.entries(c)) {
            byte[] after = FileSet.readOrNull(e.copyFile());
            String afterSha = after == null ? null : FileSet.sha256(after);
            if (Objects.equals(afterSha, c.sourceHashes().get(e.path()))) {
                continue;
            }
            byte[] before = committer.currentSource(c, e);
            if (Arrays.equals(before, after)) {
                continue;
            }
            UnifiedDiff.Section s = UnifiedDiff.file(e.path(), before, after);
            FileChange.Status status = before == null ? FileChange.Status.ADDED
                    : after == null ? FileChange.Status.DELETED : FileChange.Status.MODIFIED;
            files.add(new FileChange(e.path(), status, s.added(), s.removed(), s.binary()));
            text.append(s.text());
        }
        return new CopyDiff(copyId, files, text.toString());
    }

    /** Commits as the copy's own actor. */
    public CommitResult commit(String copyId, boolean force) {
        return commit(copyId, force, registry.load(copyId).actor());
    }

    /** Writes an active copy back to its source (or stores it as a new version) and records the change. */
    public CommitResult commit(String copyId, boolean force, String actor) {
        return committer.commit(active(copyId, "commit"), force, actor);
    }

    /** Deletes an active copy's files and marks it discarded. */
    public WorkingCopy discard(String copyId) {
        WorkingCopy c = active(copyId, "discard");
        WorkingCopy done = c.closed(CopyState.DISCARDED, now(), null);
        registry.save(done);
        FileSet.deleteTree(c.copyDir());
        return done;
    }

    /** The change a commit of {@code copyId} recorded ({@code artifacts/diffs/{copy_id}/change.json}). */
    public CommittedChange loadChange(String copyId) {
        return registry.loadChange(copyId)
                .orElseThrow(() -> new WorkingCopyException(copyId + ": no committed change (no " + registry.changeFile(copyId) + ")"));
    }

    /**
     * Puts back the exact bytes a commit replaced (and deletes the files it added), refusing,
     * unless forced, when a file no longer holds what the commit wrote. Returns the files restored.
     */
    public List<Path> restore(CommittedChange change, boolean force) {
        return new Restorer().restore(change, force);
    }

    /** {@link #restore(CommittedChange, boolean)} for the change recorded by {@code copyId}'s commit. */
    public List<Path> restore(String copyId, boolean force) {
        return restore(loadChange(copyId), force);
    }

    private interface Filler {
        SortedMap<String, String> fill(Path copyDir);
    }

    private WorkingCopy make(SourceKind kind, String source, String actor, Filler filler) {
        Instant created = now();
        Path copyDir = newCopyDir(created);
        try {
            SortedMap<String, String> hashes = filler.fill(copyDir);
            WorkingCopy c = new WorkingCopy(copyDir.getFileName().toString(), kind, source, copyDir, hashes,
                    created, actor, CopyState.ACTIVE, null, null);
            registry.save(c);
            return c;
        } catch (RuntimeException e) {
            FileSet.deleteTree(copyDir);
            throw e;
        }
    }

    private Path newCopyDir(Instant created) {
        for (int attempt = 0; ; attempt++) {
            byte[] suffix = new byte[3];
            random.nextBytes(suffix);
            String id = "wc_" + ID_TIME.format(created) + "_" + HexFormat.of().formatHex(suffix);
            Path dir = registry.copyDir(id);
            try {
                Files.createDirectories(dir.getParent());
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw new WorkingCopyException(dir + ": cannot find a free working-copy id");
                }
            } catch (IOException e) {
                throw new WorkingCopyException(dir + ": cannot create: " + e.getMessage(), e);
            }
        }
    }

    private WorkingCopy active(String copyId, String action) {
        WorkingCopy c = registry.load(copyId);
        if (c.state() != CopyState.ACTIVE) {
            throw new WorkingCopyException(copyId + ": cannot " + action + ", the working copy is " + c.state().json());
        }
        return c;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String fileName(String original, String fallback) {
        String name = original == null ? "" : Path.of(original.replace('\\', '/')).getFileName() == null ? ""
                : Path.of(original.replace('\\', '/')).getFileName().toString();
        return name.isBlank() || name.equals(".") || name.equals("..") ? fallback : name;
    }
}
