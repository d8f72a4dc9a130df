package org.oasm.formats.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.oasm.formats.provenance.ExecutionEvent.ProcessStats;
import org.oasm.formats.provenance.ExecutionEvent.Status;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.node.ObjectNode;

/**
 * The execution log of one cockpit process: {@code logs/execution/{run_id}.log}, one JSON object
 * per line (execution_log schema), and {@code errors_{run_id}.log} with the Failed and Error
 * records only. The caller pays for a seq, a timestamp and queueing the event; the log's
 * {@link RecordWriter} thread builds the line (redacting it) and writes it through logback, a
 * batch of whole lines per write() in append mode. Sequence numbers are handed out under the
 * same lock that queues the event, so the file's order is the seq order. Everything queued is written on
 * {@link #close()}, which a shutdown hook also calls (exit, Ctrl-D, SIGTERM).
 */
public final class ExecutionLog implements AutoCloseable {

    private final UUID runId;
    private final Clock clock;
    private final Path file;
    private final Path errorFile;
    private final LogbackSink sink;
    private final RecordWriter writer;
    private final AtomicLong seq = new AtomicLong();
    private final Object lock = new Object();
    private final Thread shutdownHook;
    private volatile boolean closed;

    private ExecutionLog(OasmRoot root, Clock clock, UUID runId, boolean enabled, boolean toStdout) {
        this.runId = runId;
        this.clock = clock;
        this.file = root.executionLogs().resolve(runId + ".log");
        this.errorFile = root.executionLogs().resolve("errors_" + runId + ".log");
        if (enabled) {
            try {
                Files.createDirectories(root.executionLogs());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + root.executionLogs() + ": " + e.getMessage(), e);
            }
            this.sink = new LogbackSink("oasm-execution-" + runId, file, errorFile, toStdout);
            this.writer = new RecordWriter("oasm-execution-writer", sink::flush);
            this.shutdownHook = new Thread(this::close, "oasm-execution-log-flush");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } else {
            this.sink = null;
            this.writer = null;
            this.shutdownHook = null;
        }
    }

    /** The execution log of a new run with a random run id and the system clock. */
    public static ExecutionLog open(OasmRoot root) {
        return open(root, Clock.systemUTC(), UUID::randomUUID, true);
    }

    /**
     * The execution log of a new run.
     *
     * @param enabled false for {@code --no-provenance}: sequence numbers are still handed out,
     *                nothing is written and no file is created
     */
    public static ExecutionLog open(OasmRoot root, Clock clock, Supplier<UUID> ids, boolean enabled) {
        return new ExecutionLog(root, clock, ids.get(), enabled, false);
    }

    /**
     * The execution log of a new run whose records also go to standard output as JSON Lines
     * ({@code --log-stdout}): a container's log collector gets them without reading the volume.
     */
    public static ExecutionLog openWithStdout(OasmRoot root) {
        return new ExecutionLog(root, Clock.systemUTC(), UUID.randomUUID(), true, true);
    }

    public UUID runId() {
        return runId;
    }

    public Path file() {
        return file;
    }

    public Path errorFile() {
        return errorFile;
    }

    public boolean enabled() {
        return sink != null;
    }

    /** The last seq handed out (0 before the first record). */
    public long lastSeq() {
        return seq.get();
    }

    /** Hands out the next seq without writing anything, for records kept elsewhere. */
    public long nextSeq() {
        return seq.incrementAndGet();
    }

    /**
     * Records an event and returns its seq. After {@link #close()} the seq is still handed out but
     * nothing is written (the shutdown hook may have closed the log under a running command).
     */
    public long append(ExecutionEvent event) {
        synchronized (lock) {
            long n = seq.incrementAndGet();
            if (sink != null && !closed) {
                Instant time = clock.instant();
                boolean error = event.status() == Status.Failed
                        || event.level() == LogLevel.Error || event.level() == LogLevel.Critical;
                writer.submit(() -> sink.write(RecordLines.line(toRecord(event, n, time)), error));
            }
            return n;
        }
    }

    /** The record an event becomes (execution_log schema); secrets are redacted here. */
    public ObjectNode toRecord(ExecutionEvent event, long n, Instant time) {
        ObjectNode record = RecordLines.base(time, runId, n, event.actor(), event.level(), event.context());
        record.put("phase", event.phase().name());
        record.put("status", event.status().name());
        record.put("duration_ms", event.durationMs());
        record.put("scope", event.scope().name());
        if (event.startSeq() != null) {
            record.put("start_seq", event.startSeq());
        }
        if (event.parentSeq() != null) {
            record.put("parent_seq", event.parentSeq());
        }
        if (event.status() != Status.Started) {
            record.put("exit_status", event.exitStatus());
        }
        if (event.cwd() != null) {
            record.put("cwd", event.cwd());
        }
        if (event.command() != null) {
            record.put("command", Redactor.redact(event.command()));
        }
        ProcessStats process = event.process();
        if (process != null) {
            record.put("pid", process.pid());
            if (process.memoryMb() != null) {
                record.put("memory_usage_mb", process.memoryMb());
            }
            if (process.cpuPercent() != null) {
                record.put("cpu_usage_percent", process.cpuPercent());
            }
            if (process.cpuTimeMs() != null) {
                record.put("cpu_time_ms", process.cpuTimeMs());
            }
        }
        return record;
    }

    /**
     * Returns once every record appended before the call is in the files: for a reader of this
     * run's own log, such as {@code oasm history} in the same session.
     */
    public void awaitWritten() {
        if (writer != null) {
            writer.awaitWritten();
        }
    }

    /** Writes everything queued and closes the files; later appends write nothing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (sink != null) {
            writer.close();
            sink.close();
            if (Thread.currentThread() != shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down; the hook is running or has run
                }
            }
        }
    }
}
