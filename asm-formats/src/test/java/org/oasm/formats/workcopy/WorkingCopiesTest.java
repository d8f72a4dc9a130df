package org.oasm.formats.workcopy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.store.ArtifactRef;
import org.oasm.formats.store.ArtifactStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingCopiesTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path tmp;

    private final List<CommittedChange> recorded = new ArrayList<>();

    private OasmRoot root() {
        return new OasmRoot(tmp.resolve("root"));
    }

    private ArtifactStore store() {
        return new ArtifactStore(root(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private WorkingCopies copies() {
        return new WorkingCopies(root(), store(), recorded::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    /** Every file under {@code dir} with its bytes, as text for readable failures. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (var e : FileSet.walk(dir).entrySet()) {
            m.put(e.getKey(), new String(Files.readAllBytes(e.getValue()), StandardCharsets.ISO_8859_1));
        }
        return m;
    }

    @Test
    void fileCopyDiffsAndCommitsBackKeepingItsPermissions() throws IOException {
        Path src = write(tmp.resolve("proj/run.sh"), "#!/bin/sh\necho one\necho two\n");
        Files.setPosixFilePermissions(src, PosixFilePermissions.fromString("rwxr-x---"));
        WorkingCopies copies = copies();
        WorkingCopy c = copies.create(src.toString(), "alice");

        assertEquals(root().workingCopies().resolve(c.copyId()), c.copyDir());
        assertTrue(c.copyId().matches("wc_20260102T030405Z_[0-9a-f]{6}"), c.copyId());
        assertEquals(Set.of("run.sh"), c.sourceHashes().keySet());
        JsonNode meta = JsonMapper.builder().build().readTree(
                root().workingCopyLogs().resolve(c.copyId() + "_metadata.json").toFile());
        assertEquals(new TreeSet<>(List.of("copy_id", "source_kind", "source", "copy_path", "source_hashes", "created",
                "actor", "state", "closed_at", "stored_as")), new TreeSet<>(meta.propertyNames()));
        assertEquals("file", meta.get("source_kind").asString());
        assertEquals("active", meta.get("state").asString());
        assertEquals("artifacts/working/" + c.copyId(), meta.get("copy_path").asString());
        assertEquals(FileSet.sha256OrNull(src), meta.get("source_hashes").get("run.sh").asString());

        write(c.copyDir().resolve("run.sh"), "#!/bin/sh\necho one\necho 2\n");
        CopyDiff d = copies.diff(c.copyId());
        assertEquals("--- a/run.sh\n+++ b/run.sh\n@@ -1,3 +1,3 @@\n #!/bin/sh\n echo one\n-echo two\n+echo 2\n", d.unifiedDiff());
        assertEquals(List.of(new FileChange("run.sh", FileChange.Status.MODIFIED, 1, 1, false)), d.files());
        assertEquals("1 file changed, 1 insertion(+), 1 deletion(-)", d.summary());
        assertEquals("#!/bin/sh\necho one\necho two\n", Files.readString(src), "the source is untouched before commit");

        CommitResult r = copies.commit(c.copyId(), false);
        assertEquals("#!/bin/sh\necho one\necho 2\n", Files.readString(src));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(src)));
        assertEquals(CopyState.COMMITTED, r.copy().state());
        assertEquals(CopyState.COMMITTED, copies.get(c.copyId()).state());
        assertFalse(Files.exists(c.copyDir()));
        CommittedChange change = r.change().orElseThrow();
        assertEquals(List.of(change), recorded);
        assertEquals(d.unifiedDiff(), change.unifiedDiff());
        ChangedFile f = change.files().getFirst();
        assertEquals(c.sourceHashes().get("run.sh"), f.beforeSha256());
        assertEquals(FileSet.sha256OrNull(src), f.afterSha256());
        assertEquals(root().diffs().resolve(c.copyId()).resolve("before/run.sh"), f.savedBefore());
        assertEquals("#!/bin/sh\necho one\necho two\n", Files.readString(f.savedBefore()));
        assertEquals(change, copies.loadChange(c.copyId()));
    }

    @Test
    void folderCopyCommitsAddedModifiedAndDeletedFilesAndRestoreUndoesThemExactly() throws IOException {
        Path src = tmp.resolve("proj");
        write(src.resolve("a.txt"), "alpha\n");
        write(src.resolve("sub/b.txt"), "beta\n");
        write(src.resolve("sub/c.txt"), "gamma\n");
        Files.createDirectories(src.resolve("sub"));
        Files.write(src.resolve("data.bin"), new byte[] {0, 1, 2, (byte) 255});
        Map<String, String> original = tree(src);
        WorkingCopies copies = copies();
        WorkingCopy c = copies.create(src, "bob");
        assertEquals(original, tree(c.copyDir()));

        write(c.copyDir().resolve("a.txt"), "alpha\nmore\n");
        Files.delete(c.copyDir().resolve("sub/c.txt"));
        write(c.copyDir().resolve("new/d.txt"), "delta\n");
        Files.write(c.copyDir().resolve("data.bin"), new byte[] {0, 1, 2, 3});
        Map<String, String> edited = tree(c.copyDir());

        CopyDiff d = copies.diff(c.copyId());
        assertEquals(List.of(
                new FileChange("a.txt", FileChange.Status.MODIFIED, 1, 0, false),
                new FileChange("data.bin", FileChange.Status.MODIFIED, 0, 0, true),
                new FileChange("new/d.txt", FileChange.Status.ADDED, 1, 0, false),
                new FileChange("sub/c.txt", FileChange.Status.DELETED, 0, 1, false)), d.files());
        assertEquals("4 files changed, 2 insertions(+), 1 deletion(-)", d.summary());

        CommittedChange change = copies.commit(c.copyId(), false).change().orElseThrow();
        assertEquals(edited, tree(src));
        assertEquals(4, change.files().size());
        assertNull(change.files().get(2).beforeSha256(), "new/d.txt was added");
        assertNull(change.files().get(3).afterSha256(), "sub/c.txt was deleted");

        List<Path> restored = copies.restore(c.copyId(), false);
        assertEquals(4, restored.size());
        assertEquals(original, tree(src));
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, Files.readAllBytes(src.resolve("data.bin")));
        assertFalse(Files.exists(src.resolve("new")), "the folder the commit created is gone again");
        assertEquals(List.of(), copies.restore(c.copyId(), false), "a second restore has nothing left to do");
    }

    @Test
    void commitRefusesWhenTheSourceChangedAndForceOverwritesOnlyWhatTheCopyChanged() throws IOException {
        Path src = tmp.resolve("proj");
        write(src.resolve("a.txt"), "a\n");
        write(src.resolve("b.txt"), "b\n");
        WorkingCopies copies = copies();
        WorkingCopy c = copies.create(src, "carol");
        write(c.copyDir().resolve("a.txt"), "a from copy\n");
        write(src.resolve("a.txt"), "a from elsewhere\n");
        write(src.resolve("b.txt"), "b from elsewhere\n");

        assertEquals(List.of("a.txt"), copies.diff(c.copyId()).files().stream().map(FileChange::path).toList(),
                "the diff shows what the copy changed, not what changed elsewhere");
        WorkingCopyException e = assertThrows(WorkingCopyException.class, () -> copies.commit(c.copyId(), false));
        assertEquals(src.resolve("a.txt").toAbsolutePath() + ": changed since working copy " + c.copyId()
                + " was made (and 1 more); commit with force to overwrite", e.getMessage());
        assertEquals(1, e.exitStatus());
        assertEquals("a from elsewhere\n", Files.readString(src.resolve("a.txt")));
        assertEquals(CopyState.ACTIVE, copies.get(c.copyId()).state());
        assertTrue(recorded.isEmpty());

        CommittedChange change = copies.commit(c.copyId(), true).change().orElseThrow();
        assertEquals("a from copy\n", Files.readString(src.resolve("a.txt")));
        assertEquals("b from elsewhere\n", Files.readString(src.resolve("b.txt")), "untouched by the copy, kept");
        assertEquals("a from elsewhere\n", Files.readString(change.files().getFirst().savedBefore()),
                "the bytes actually replaced are kept");
        copies.restore(change, false);
        assertEquals("a from elsewhere\n", Files.readString(src.resolve("a.txt")));
    }

    @Test
    void restoreRefusesWhenTheFileChangedAfterTheCommitUnlessForced() throws IOException {
        Path src = write(tmp.resolve("f.yaml"), "k: 1\n");
        WorkingCopies copies = copies();
        WorkingCopy c = copies.create(src, "dave");
        write(c.copyDir().resolve("f.yaml"), "k: 2\n");
        CommittedChange change = copies.commit(c.copyId(), false).change().orElseThrow();
        write(src, "k: 3\n");

        WorkingCopyException e = assertThrows(WorkingCopyException.class, () -> copies.restore(change, false));
        assertTrue(e.getMessage().startsWith(src.toAbsolutePath() + ": changed since the commit of working copy "
                + c.copyId()), e.getMessage());
        assertEquals("k: 3\n", Files.readString(src));
        copies.restore(change, true);
        assertEquals("k: 1\n", Files.readString(src));
    }

    @Test
    void discardDeletesTheCopyAndLeavesTheSource() throws IOException {
        Path src = write(tmp.resolve("x.txt"), "x\n");
        WorkingCopies copies = copies();
        WorkingCopy c = copies.create(src, "erin");
        write(c.copyDir().resolve("x.txt"), "changed\n");
        WorkingCopy done = copies.discard(c.copyId());

        assertEquals(CopyState.DISCARDED, done.state());
        assertEquals(NOW, done.closedAt());
        assertFalse(Files.exists(c.copyDir()));
        assertEquals("x\n", Files.readString(src));
        assertEquals(List.of(done), copies.list());
        assertEquals(c.copyId() + ": cannot commit, the working copy is discarded",
                assertThrows(WorkingCopyException.class, () -> copies.commit(c.copyId(), false)).getMessage());
        assertEquals("nope: no such working copy (no " + root().workingCopyLogs().resolve("nope_metadata.json") + ")",
                assertThrows(WorkingCopyException.class, () -> copies.get("nope")).getMessage());
    }

    @Test
    void anArtifactCopyCommitsAsTheNextVersionAndLeavesTheOldOne() throws IOException {
        ArtifactStore store = store();
        store.put(write(tmp.resolve("t.json"), "{\"a\": 1}\n"), "template_001/v1.0", "ann");
        store.put(write(tmp.resolve("t2.json"), "{\"a\": 0}\n"), "template_001/v1.1", "ann");
        WorkingCopies copies = copies();
        WorkingCopy c = copies.create("/artifacts/template_001/v1.0", "frank");
        assertEquals(SourceKind.ARTIFACT, c.sourceKind());
        assertEquals("/artifacts/template_001/v1.0", c.source());
        write(c.copyDir().resolve("t.json"), "{\"a\": 2}\n");

        assertEquals("--- a/t.json\n+++ b/t.json\n@@ -1 +1 @@\n-{\"a\": 1}\n+{\"a\": 2}\n", copies.diff(c.copyId()).unifiedDiff());
        CommitResult r = copies.commit(c.copyId(), false);
        assertEquals("/artifacts/template_001/v1.2", r.copy().storedAs(), "v1.1 is taken, so v1.2");
        assertEquals("{\"a\": 2}\n", new String(store.get(ArtifactRef.parse("template_001/v1.2")), StandardCharsets.UTF_8));
        assertEquals("{\"a\": 1}\n", new String(store.get(ArtifactRef.parse("template_001/v1.0")), StandardCharsets.UTF_8));
        assertEquals("frank", store.info(ArtifactRef.parse("template_001/v1.2")).actor());
        assertEquals(List.of(), store.verify());
        WorkingCopyException e = assertThrows(WorkingCopyException.class,
                () -> copies.restore(r.change().orElseThrow(), false));
        assertTrue(e.getMessage().startsWith("/artifacts/template_001/v1.0: committed as the new version"), e.getMessage());

        WorkingCopy same = copies.create("template_001/v1.2", "frank");
        CommitResult unchanged = copies.commit(same.copyId(), false);
        assertTrue(unchanged.change().isEmpty());
        assertNull(unchanged.copy().storedAs());
    }

    @Test
    void anInterruptedCommitIsResumedFromItsPreparedChange() throws IOException {
        Path src = tmp.resolve("proj");
        write(src.resolve("a.txt"), "a\n");
        write(src.resolve("b.txt"), "b\n");
        OasmRoot root = root();
        WorkingCopies crashing = new WorkingCopies(root, store(), change -> {
            throw new IllegalStateException("killed");
        });
        WorkingCopy c = crashing.create(src, "gina");
        write(c.copyDir().resolve("a.txt"), "A\n");
        write(c.copyDir().resolve("b.txt"), "B\n");
        assertThrows(IllegalStateException.class, () -> crashing.commit(c.copyId(), false));
        // as if the process had died before b.txt was moved into place
        Files.writeString(src.resolve("b.txt"), "b\n");

        WorkingCopies copies = copies();
        assertEquals(CopyState.ACTIVE, copies.get(c.copyId()).state());
        CommitResult r = copies.commit(c.copyId(), false);
        assertEquals(Map.of("a.txt", "A\n", "b.txt", "B\n"), tree(src));
        assertEquals(CopyState.COMMITTED, r.copy().state());
        assertEquals(List.of(r.change().orElseThrow()), recorded);
        assertEquals("a\n", Files.readString(r.change().orElseThrow().files().getFirst().savedBefore()),
                "the saved bytes are those of the first attempt, not the half-committed state");
    }

    @Test
    void damagedMetadataIsNamed() throws IOException {
        WorkingCopies copies = copies();
        WorkingCopy c = copies.create(write(tmp.resolve("m.txt"), "m\n"), "ivy");
        Path meta = root().workingCopyLogs().resolve(c.copyId() + "_metadata.json");
        Files.writeString(meta, "{\"copy_id\": \"" + c.copyId() + "\"}");
        WorkingCopyException e = assertThrows(WorkingCopyException.class, () -> copies.get(c.copyId()));
        assertTrue(e.getMessage().startsWith(meta + ": not valid working-copy metadata: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        Files.writeString(meta, "{not json");
        assertTrue(assertThrows(WorkingCopyException.class, () -> copies.list()).getMessage().startsWith(meta + ": "));
    }

    @Test
    void createRefusesWhatItCannotCopy() throws IOException {
        WorkingCopies copies = copies();
        assertEquals(tmp.resolve("missing") + ": no such file, folder or stored artifact",
                assertThrows(WorkingCopyException.class, () -> copies.create(tmp.resolve("missing").toString(), "h")).getMessage());
        Path dir = Files.createDirectories(tmp.resolve("withlink"));
        Files.createSymbolicLink(dir.resolve("link"), write(tmp.resolve("target.txt"), "t"));
        WorkingCopyException e = assertThrows(WorkingCopyException.class, () -> copies.create(dir, "h"));
        assertEquals(dir.resolve("link").toAbsolutePath() + ": symbolic links are not supported in working copies", e.getMessage());
        assertEquals(List.of(), copies.list(), "a failed create leaves no metadata");
        assertFalse(Files.exists(root().workingCopies()) && FileSet.walk(root().workingCopies()).size() > 0);
    }
}
