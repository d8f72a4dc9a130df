package org.oasm.cockpit;

import java.util.Optional;
import org.oasm.bridge.PythonBridge;
import java.util.function.Supplier;
import org.oasm.cockpit.profile.ShellProfile;
import org.oasm.cockpit.provenance.LineageRecorder;
import org.oasm.cockpit.provenance.Recorder;
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
    private final Supplier<Recorder> recorder;
    private final ThreadLocal<String> currentCommand = new ThreadLocal<>();
    private ArtifactStore store;
    private WorkingCopies workingCopies;
    private LineageRecorder lineage;
    private PythonBridge bridge;

    public CockpitServices(OasmRoot root, ShellProfile profile, boolean debug, Recorder recorder) {
        this(root, profile, debug, () -> recorder);
    }

    /** With a recorder made when first asked for (its log may still be opening); null when recording is off. */
    public CockpitServices(OasmRoot root, ShellProfile profile, boolean debug, Supplier<Recorder> recorder) {
        this.root = root;
        this.profile = profile;
        this.debug = debug;
        this.recorder = recorder;
        if (profile.pythonPreload()) {
            bridge().startInBackground();
        }
    }

    /** The recorder, absent when recording is off. */
    public Optional<Recorder> recorder() {
        return Optional.ofNullable(recorder.get());
    }

    /** Marks the {@code oasm} command line running on this thread (for lineage records). */
    public void currentCommand(String line) {
        if (line == null) {
            currentCommand.remove();
        } else {
            currentCommand.set(line);
        }
    }

    /** The lineage id the last change on this cockpit recorded, if any. */
    public Optional<String> lastLineageId() {
        return lineage == null ? Optional.empty() : Optional.ofNullable(lineage.lastLineageId());
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
            ChangeRecorder changes = ChangeRecorder.NONE;
            Recorder r = recorder.get();
            if (r != null) {
                lineage = new LineageRecorder(r, () -> currentCommand.get());
                changes = lineage;
            }
            workingCopies = new WorkingCopies(root, store(), changes);
        }
        return workingCopies;
    }

    /** The cockpit's one sandboxed GraalPy context, created on first use and reused by every call. */
    public synchronized PythonBridge bridge() {
        if (bridge == null) {
            bridge = PythonBridge.create();
        }
        return bridge;
    }
}
