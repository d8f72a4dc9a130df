package org.oasm.formats.workcopy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.store.ArtifactRef;
import org.oasm.formats.store.ArtifactStore;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommitterTest {

    @TempDir
    Path tmp;

    @Test
    void nextVersionRaisesTheLastNumber() {
        OasmRoot root = new OasmRoot(tmp);
        Committer committer = new Committer(new CopyRegistry(root), new ArtifactStore(root), ChangeRecorder.NONE, Clock.systemUTC());
        assertEquals("1.1", committer.nextVersion(new ArtifactRef("t", "1.0")).version());
        assertEquals("3", committer.nextVersion(new ArtifactRef("t", "2")).version());
        assertEquals("1.0-rc2", committer.nextVersion(new ArtifactRef("t", "1.0-rc1")).version());
        assertEquals("1.10", committer.nextVersion(new ArtifactRef("t", "1.9")).version());
        assertEquals("beta.1", committer.nextVersion(new ArtifactRef("t", "beta")).version());
    }

    @Test
    void idsAndPathsCannotEscapeTheirFolders() {
        CopyRegistry registry = new CopyRegistry(new OasmRoot(tmp));
        assertEquals("../x: not a working-copy id",
                assertThrows(WorkingCopyException.class, () -> registry.metadataFile("../x")).getMessage());
        assertThrows(WorkingCopyException.class, () -> FileSet.inside(tmp, "../outside"));
        assertThrows(WorkingCopyException.class, () -> FileSet.inside(tmp, "/etc/passwd"));
        assertEquals(tmp.resolve("a/b"), FileSet.inside(tmp, "a/b"));
    }
}
