package org.oasm.cockpit;

import org.oasm.cockpit.profile.ShellProfile;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.store.ArtifactStore;
import org.oasm.formats.workcopy.ChangeRecorder;
import org.oasm.formats.workcopy.WorkingCopies;

/**
 * What the {@code oasm} commands share in one cockpit: the OASM root, the profile, the actor that
 * records name, and the module services, each created on first use.
 */
public final class CockpitServices {

    private final OasmRoot root;
    private final ShellProfile profile;
    private final boolean debug;
    private ArtifactStore store;
    private WorkingCopies workingCopies;

    public CockpitServices(OasmRoot root, ShellProfile profile, boolean debug) {
        this.root = root;
        this.profile = profile;
        this.debug = debug;
    }

    public OasmRoot root() {
        return root;
    }

    public ShellProfile profile() {
        return profile;
    }

    public boolean debug() {
        return debug;
    }

    /** Who is acting, for records: the user's name. */
    public String actor() {
        return System.getProperty("user.name", "unknown");
    }

    public synchronized ArtifactStore store() {
        if (store == null) {
            store = new ArtifactStore(root);
        }
        return store;
    }

    public synchronized WorkingCopies workingCopies() {
        if (workingCopies == null) {
            workingCopies = new WorkingCopies(root, store(), ChangeRecorder.NONE);
        }
        return workingCopies;
    }
}
