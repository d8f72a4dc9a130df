package org.oasm.cockpit.provenance;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.oasm.formats.provenance.Actor;
import org.oasm.formats.provenance.ExecutionLog;
import org.oasm.formats.provenance.LineageChange;
import org.oasm.formats.provenance.LineageWriter;
import org.oasm.formats.provenance.LogLevel;
import org.oasm.formats.provenance.ProvenanceRecord;
import org.oasm.formats.provenance.ProvenanceWriter;
import org.oasm.formats.root.OasmRoot;

/**
 * The cockpit's recording: execution records through the {@link ProvenanceListener}, a provenance
 * record per {@code oasm} command, and lineage records for changes to files. Absent when
 * recording is off ({@code --no-provenance} or the profile).
 */
public final class Recorder implements AutoCloseable {

    private final ExecutionLog log;
    private final ProvenanceListener listener;
    private final ProvenanceWriter provenance;
    private final LineageWriter lineage;
    private final String configHash;
    private final long sessionStart;
    private final long sessionStartNanos = System.nanoTime();

    public Recorder(OasmRoot root, Actor actor, boolean cbor, String configHash, String mode) {
        this.log = ExecutionLog.open(root);
        this.listener = new ProvenanceListener(log, actor);
        this.provenance = new ProvenanceWriter(root, Clock.systemUTC(), cbor);
        this.lineage = new LineageWriter(root, Clock.systemUTC(), UUID::randomUUID);
        this.configHash = configHash;
        this.sessionStart = listener.session("cockpit session started (" + mode + ")", null, 0, 0);
    }

    public ProvenanceListener listener() {
        return listener;
    }

    public UUID runId() {
        return log.runId();
    }

    /** Writes the provenance record of one {@code oasm} command; returns its file. */
    public Path commandFinished(String commandLine, int status, ProvenanceNotes notes) {
        ProvenanceRecord.Outcome outcome = status == 0 ? ProvenanceRecord.Outcome.Success
                : status == 130 ? ProvenanceRecord.Outcome.Cancelled : ProvenanceRecord.Outcome.Failed;
        ProvenanceRecord r = new ProvenanceRecord(log.runId(), log.nextSeq(), listener.actor(),
                status == 0 ? LogLevel.Info : LogLevel.Error, notes.commandBlockId(), commandLine,
                notes.hdf5Reference(), outcome, notes.impact(), toolVersions(), configHash, notes.lossy(),
                notes.context());
        return provenance.write(r);
    }

    /** Records a change to files (fsynced before it returns) and returns its lineage id. */
    public LineageWriter.Written lineage(LineageChange change) {
        return lineage.write(change);
    }

    /** A sequence number in this run, for records made outside the listener. */
    public long nextSeq() {
        return log.nextSeq();
    }

    public Actor actor() {
        return listener.actor();
    }

    private static Map<String, String> toolVersions() {
        return Map.of("oasm", Recorder.class.getPackage().getImplementationVersion() == null ? "dev"
                : Recorder.class.getPackage().getImplementationVersion(), "java", Runtime.version().toString());
    }

    /** Ends the session record and flushes everything buffered. */
    @Override
    public void close() {
        close(0);
    }

    public void close(int status) {
        listener.session("cockpit session ended", sessionStart, status,
                (System.nanoTime() - sessionStartNanos) / 1_000_000);
        log.close();
    }
}
