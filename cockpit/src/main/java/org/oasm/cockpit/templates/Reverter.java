package org.oasm.cockpit.templates;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.oasm.cockpit.provenance.Recorder;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.store.ArtifactStore;
import org.oasm.formats.workcopy.ChangeRecorder;
import org.oasm.formats.workcopy.ChangedFile;
import org.oasm.formats.workcopy.CommittedChange;
import org.oasm.formats.workcopy.SourceKind;
import org.oasm.formats.workcopy.WorkingCopies;
import org.oasm.formats.workcopy.WorkingCopy;
import org.oasm.formats.workcopy.WorkingCopyException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oasm revert --lineage-id ID}: puts back exactly the bytes a recorded change replaced
 * (and deletes the files it added). It refuses, naming the file, when a file no longer holds what
 * the change wrote, unless forced. The revert is itself a committed working copy - the saved
 * before-bytes become the copy's content - so it has its own saved bytes and its own lineage
 * record, whose parent is the reverted record: a revert can be reverted in turn.
 */
public final class Reverter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a revert did. */
    public record Result(String lineageId, List<String> restored, Path target) {
    }

    private final OasmRoot root;
    private final ArtifactStore store;
    private final Recorder recorder;
    private final String actor;

    public Reverter(OasmRoot root, ArtifactStore store, Recorder recorder, String actor) {
        this.root = root;
        this.store = store;
        this.recorder = recorder;
        this.actor = actor;
    }

    public Result revert(String lineageId, boolean force, String commandLine, PrintStream out) {
        if (recorder == null) {
            throw new OasmException("revert: provenance is off (--no-provenance), so the revert could not be recorded; run without it");
        }
        Path file = root.lineageLogs().resolve(lineageId + ".json");
        if (!lineageId.matches("[0-9a-f-]{36}") || !Files.isRegularFile(file)) {
            throw new OasmException(file + ": no such lineage record");
        }
        JsonNode record;
        try {
            record = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            throw new OasmException(file + ": not a lineage record: " + e.getMessage());
        }
        String copyId = record.path("diff_id").asString(null);
        if (copyId == null || copyId.isEmpty()) {
            throw new OasmException(file + ": the record keeps no saved change (diff_id is null), so there is nothing to restore from");
        }
        WorkingCopies plain = new WorkingCopies(root, store, ChangeRecorder.NONE);
        CommittedChange change = plain.loadChange(copyId);
        if (change.sourceKind() == SourceKind.ARTIFACT) {
            throw new OasmException(lineageId + ": the change stored a new version " + change.storedAs()
                    + " of " + change.sourceRoot() + "; stored versions never change and the old one is still stored");
        }
        List<ChangedFile> todo = new ArrayList<>();
        for (ChangedFile f : change.files()) {
            Path target = change.target(f);
            String now = sha256OrNull(target);
            if (Objects.equals(now, f.beforeSha256())) {
                continue;
            }
            if (!Objects.equals(now, f.afterSha256()) && !force) {
                throw new OasmException(target + ": changed since lineage " + lineageId + " (sha256 " + now + ", the change wrote "
                        + f.afterSha256() + "); revert with --force to overwrite it");
            }
            if (f.beforeSha256() != null && (f.savedBefore() == null || !f.beforeSha256().equals(sha256OrNull(f.savedBefore())))) {
                throw new OasmException(f.savedBefore() + ": the saved bytes of " + target + " are missing or altered; cannot revert");
            }
            todo.add(f);
        }
        Path source = Path.of(change.sourceRoot());
        if (todo.isEmpty()) {
            out.println("nothing to revert: every file of lineage " + lineageId + " already holds its bytes from before it");
            return new Result(null, List.of(), source);
        }
        ChangeLineage lineage = new ChangeLineage(recorder, new ChangeLineage.About("revert " + lineageId,
                "undo lineage " + lineageId + " (" + record.path("summary").asString("") + ")", commandLine, lineageId, null,
                List.of()));
        WorkingCopies copies = new WorkingCopies(root, store, lineage);
        WorkingCopy copy = copies.create(source, actor);
        try {
            for (ChangedFile f : todo) {
                Path inCopy = change.sourceKind() == SourceKind.FILE ? copy.copyDir().resolve(source.getFileName().toString())
                        : copy.copyDir().resolve(f.path());
                if (f.beforeSha256() == null) {
                    Files.deleteIfExists(inCopy);
                } else {
                    Files.createDirectories(inCopy.getParent());
                    Files.copy(f.savedBefore(), inCopy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            copies.commit(copy.copyId(), force, actor);
        } catch (IOException | RuntimeException e) {
            try {
                copies.loadChange(copy.copyId());
            } catch (WorkingCopyException notPrepared) {
                copies.discard(copy.copyId());
            }
            if (e instanceof IOException io) {
                throw new OasmException(copy.copyDir() + ": cannot prepare the revert: " + io.getMessage());
            }
            throw (RuntimeException) e;
        }
        List<String> restored = todo.stream().map(ChangedFile::path).toList();
        return new Result(lineage.lineageId(), restored, source);
    }

    private static String sha256OrNull(Path p) {
        try {
            return Files.exists(p) ? Hashes.sha256(Files.readAllBytes(p)) : null;
        } catch (IOException e) {
            throw new OasmException(p + ": cannot read: " + e.getMessage());
        }
    }
}
