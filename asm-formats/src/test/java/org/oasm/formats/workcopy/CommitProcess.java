package org.oasm.formats.workcopy;

import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.store.ArtifactStore;

import java.nio.file.Path;

/** A separate process that commits one working copy, so that a test can kill it midway. */
public final class CommitProcess {

    private CommitProcess() {
    }

    /** Arguments: the OASM root and the copy id. Prints {@code committing} just before the commit. */
    public static void main(String[] args) {
        OasmRoot root = new OasmRoot(Path.of(args[0]));
        WorkingCopies copies = new WorkingCopies(root, new ArtifactStore(root), ChangeRecorder.NONE);
        System.out.println("committing");
        System.out.flush();
        copies.commit(args[1], false);
        System.out.println("committed");
    }
}
