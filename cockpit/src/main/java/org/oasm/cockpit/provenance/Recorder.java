package org.oasm.cockpit.provenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.oasm.formats.provenance.Actor;
import org.oasm.formats.provenance.ExecutionEvent;
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
 *
 * <p>Start-up matters here: a {@code -c} line must be recorded, but it should not wait for more
 * than the execution log. So the log is opened and the session's first record written on a
 * thread of its own ({@link #beginSession}) while the cockpit reads its profile, and the
 * provenance and lineage writers (Jackson's YAML and CBOR mappers) and the config hash are made
 * on first use, which a line without an {@code oasm} command never reaches.
 */
public final class Recorder implements AutoCloseable {

    private final ExecutionLog log;
    private final ProvenanceListener listener;
    private final OasmRoot root;
    private final boolean cbor;
    private final Supplier<String> configHash;
    private final long sessionStart;
    private final long sessionStartNanos;
    private ProvenanceWriter provenance;
    private LineageWriter lineage;
    private String hash;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    /** An execution log that is open, with its session-start record written. */
    public record Session(ExecutionLog log, ProvenanceListener listener, long startSeq, long startNanos) {

        /** Drops a session that will not be recorded after all (the profile turned recording off). */
        public void discard() {
            log.close();
            try {
                Files.deleteIfExists(log.file());
                Files.deleteIfExists(log.errorFile());
            } catch (IOException e) {
                // an empty log left behind is harmless
            }
        }
    }

    /**
     * Opens the execution log and writes the session's start on a background thread. Opening the
     * log (logback's appenders) and building the first record (Jackson's nodes, the redactor's
     * patterns) are each a part of a start-up and do not depend on each other, so a second thread
     * builds a record that is never written, to have that side ready when the log is.
     */
    public static CompletableFuture<Session> beginSession(OasmRoot root, Actor actor, String mode) {
        return beginSession(root, actor, mode, false);
    }

    /** Like {@link #beginSession(OasmRoot, Actor, String)}; {@code toStdout} copies every record to stdout. */
    public static CompletableFuture<Session> beginSession(OasmRoot root, Actor actor, String mode, boolean toStdout) {
        return beginSession(root, actor, mode, toStdout, java.nio.file.Path.of("").toAbsolutePath());
    }

    /** Like {@link #beginSession(OasmRoot, Actor, String, boolean)} for a session in {@code cwd}. */
    public static CompletableFuture<Session> beginSession(OasmRoot root, Actor actor, String mode, boolean toStdout,
            java.nio.file.Path cwd) {
        long t0 = System.nanoTime();
        Thread json = Thread.ofPlatform().daemon().name("oasm-recorder-warm-up").start(() -> {
            ExecutionLog unwritten = ExecutionLog.open(root, Clock.systemUTC(), UUID::randomUUID, false);
            unwritten.toRecord(ExecutionEvent.started(ExecutionEvent.Scope.Session, actor, "/", "warm-up"), 0,
                    java.time.Instant.now());
        });
        return CompletableFuture.supplyAsync(() -> {
            ExecutionLog log = toStdout ? ExecutionLog.openWithStdout(root) : ExecutionLog.open(root);
            try {
                json.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProvenanceListener listener = new ProvenanceListener(log, actor, cwd.toString());
            long start = listener.session("cockpit session started (" + mode + ")", null, 0, 0);
            return new Session(log, listener, start, t0);
        }, r -> Thread.ofPlatform().daemon().name("oasm-recorder-start").start(r));
    }

    /** The session a {@link #beginSession} future gives, with its failure as it was thrown. */
    public static Session await(CompletableFuture<Session> session) {
        try {
            return session.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    public Recorder(OasmRoot root, Actor actor, boolean cbor, String configHash, String mode) {
        this(await(beginSession(root, actor, mode)), root, cbor, () -> configHash);
    }

    public Recorder(Session session, OasmRoot root, boolean cbor, Supplier<String> configHash) {
        this.log = session.log();
        this.listener = session.listener();
        this.sessionStart = session.startSeq();
        this.sessionStartNanos = session.startNanos();
        this.root = root;
        this.cbor = cbor;
        this.configHash = configHash;
    }

    public ProvenanceListener listener() {
        return listener;
    }

    public UUID runId() {
        return log.runId();
    }

    /** Returns once the execution records so far are in the log's files, for a reader of them. */
    public void awaitWritten() {
        log.awaitWritten();
    }

    private synchronized ProvenanceWriter provenance() {
        if (provenance == null) {
            provenance = new ProvenanceWriter(root, Clock.systemUTC(), cbor);
        }
        return provenance;
    }

    private synchronized LineageWriter lineageWriter() {
        if (lineage == null) {
            lineage = new LineageWriter(root, Clock.systemUTC(), UUID::randomUUID);
        }
        return lineage;
    }

    private synchronized String configHash() {
        if (hash == null) {
            hash = configHash.get();
        }
        return hash;
    }

    /** Makes the provenance writer now (its Jackson mappers), ahead of an {@code oasm} command's record. */
    public void prepareProvenance() {
        provenance();
    }

    /** Writes the provenance record of one {@code oasm} command; returns its file. */
    public Path commandFinished(String commandLine, int status, ProvenanceNotes notes) {
        ProvenanceRecord.Outcome outcome = status == 0 ? ProvenanceRecord.Outcome.Success
                : ProvenanceListener.cancelled(status) ? ProvenanceRecord.Outcome.Cancelled : ProvenanceRecord.Outcome.Failed;
        ProvenanceRecord r = new ProvenanceRecord(log.runId(), log.nextSeq(), listener.actor(),
                status == 0 ? LogLevel.Info : LogLevel.Error, notes.commandBlockId(), commandLine,
                notes.hdf5Reference(), outcome, notes.impact(), toolVersions(), configHash(), notes.lossy(),
                notes.context());
        return provenance().write(r);
    }

    /** Records a change to files (fsynced before it returns) and returns its lineage id. */
    public LineageWriter.Written lineage(LineageChange change) {
        return lineageWriter().write(change);
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

    /** Writes the session's last record and flushes; later calls do nothing (SIGTERM may race the end). */
    public void close(int status) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        listener.session("cockpit session ended", sessionStart, status,
                (System.nanoTime() - sessionStartNanos) / 1_000_000);
        log.close();
    }
}
