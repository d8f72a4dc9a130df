package org.oasm.cockpit.provenance;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.oasm.formats.root.OasmRoot;
import org.oasm.substrate.CommandEvent;
import org.oasm.substrate.CommandOutcome;
import org.oasm.substrate.ExecutionListener;

/**
 * The recorder of a session whose execution log is still being opened ({@link Recorder#beginSession}).
 * Nothing waits for it until the first record is due: the interactive cockpit shows its first
 * prompt meanwhile, and a {@code -c} line waits only at its own first record.
 */
public final class PendingRecorder implements Supplier<Recorder> {

    private final CompletableFuture<Recorder.Session> session;
    private final OasmRoot root;
    private final boolean cbor;
    private final Supplier<String> configHash;
    private volatile Recorder recorder;

    public PendingRecorder(CompletableFuture<Recorder.Session> session, OasmRoot root, boolean cbor,
            Supplier<String> configHash) {
        this.session = session;
        this.root = root;
        this.cbor = cbor;
        this.configHash = configHash;
    }

    /** The recorder, waiting for the log to be open if it is not yet. */
    @Override
    public Recorder get() {
        Recorder r = recorder;
        if (r == null) {
            synchronized (this) {
                r = recorder;
                if (r == null) {
                    r = new Recorder(Recorder.await(session), root, cbor, configHash);
                    recorder = r;
                }
            }
        }
        return r;
    }

    /** A listener that hands every event to the recorder once it is there. */
    public ExecutionListener listener() {
        return new ExecutionListener() {
            @Override
            public void started(CommandEvent event) {
                get().listener().started(event);
            }

            @Override
            public void finished(CommandEvent event, CommandOutcome outcome) {
                get().listener().finished(event, outcome);
            }
        };
    }
}
