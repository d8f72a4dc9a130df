package org.oasm.cockpit.provenance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.oasm.formats.provenance.Actor;
import org.oasm.formats.provenance.ExecutionEvent;
import org.oasm.formats.provenance.ExecutionLog;
import org.oasm.substrate.CommandEvent;
import org.oasm.substrate.CommandOutcome;
import org.oasm.substrate.ExecutionListener;

/**
 * Turns the shell's start and end of every line and every command into execution records: a
 * {@code Command} record per input line, a {@code Stage} record per command in it (linked to its
 * line), each as Started then Completed, Failed or Cancelled.
 */
public final class ProvenanceListener implements ExecutionListener {

    private final ExecutionLog log;
    private final Actor actor;
    private final String sessionCwd;
    private final Map<Long, Long> startSeqs = new ConcurrentHashMap<>();

    public ProvenanceListener(ExecutionLog log, Actor actor) {
        this(log, actor, java.nio.file.Path.of("").toAbsolutePath().toString());
    }

    /** A listener whose session records name {@code sessionCwd} as their folder. */
    public ProvenanceListener(ExecutionLog log, Actor actor, String sessionCwd) {
        this.log = log;
        this.actor = actor;
        this.sessionCwd = sessionCwd;
    }

    public ExecutionLog log() {
        return log;
    }

    /** The actor commands run as; command-block steps pass their own. */
    public Actor actor() {
        return actor;
    }

    @Override
    public void started(CommandEvent event) {
        ExecutionEvent e = ExecutionEvent.started(scope(event), actor, event.cwd().toString(), event.text());
        if (event.parentId() != 0) {
            Long parent = startSeqs.get(event.parentId());
            if (parent != null) {
                e = e.withParent(parent);
            }
        }
        startSeqs.put(event.id(), log.append(e));
    }

    @Override
    public void finished(CommandEvent event, CommandOutcome outcome) {
        Long start = startSeqs.remove(event.id());
        if (start == null) {
            return;
        }
        ExecutionEvent.Status status = outcome.status() == 0 ? ExecutionEvent.Status.Completed
                : cancelled(outcome.status()) ? ExecutionEvent.Status.Cancelled : ExecutionEvent.Status.Failed;
        ExecutionEvent e = ExecutionEvent.started(scope(event), actor, event.cwd().toString(), event.text())
                .finished(start, status, outcome.status(), outcome.durationMillis());
        if (event.parentId() != 0) {
            Long parent = startSeqs.get(event.parentId());
            if (parent != null) {
                e = e.withParent(parent);
            }
        }
        if (outcome.pid() > 0) {
            e = e.withProcess(processStats(outcome));
        }
        log.append(e);
    }

    /**
     * What the OS reported of an external program: peak resident memory in megabytes, CPU time,
     * and CPU as a percentage of one core over the program's wall time; null where unknown.
     */
    static ExecutionEvent.ProcessStats processStats(CommandOutcome outcome) {
        Double memory = outcome.peakRssKb() >= 0 ? Math.round(outcome.peakRssKb() / 1024.0 * 100) / 100.0 : null;
        Long cpu = outcome.cpuMillis() >= 0 ? outcome.cpuMillis() : null;
        Double percent = null;
        if (cpu != null && outcome.durationNanos() > 0) {
            percent = Math.round(outcome.cpuMillis() * 1_000_000.0 / outcome.durationNanos() * 1000) / 10.0;
        }
        return new ExecutionEvent.ProcessStats(outcome.pid(), memory, percent, cpu);
    }

    /**
     * Whether an exit status means the user or the system stopped the command rather than that it
     * failed: Ctrl-C (130), the terminal hanging up (129) or a termination request (143).
     */
    public static boolean cancelled(int status) {
        return status == 130 || status == 129 || status == 143;
    }

    private static ExecutionEvent.Scope scope(CommandEvent event) {
        return event.level() == CommandEvent.Level.LINE ? ExecutionEvent.Scope.Command : ExecutionEvent.Scope.Stage;
    }

    /** Records the start or end of the cockpit session, as the System actor. */
    public long session(String what, Long startSeq, int status, long millis) {
        ExecutionEvent e = ExecutionEvent.started(ExecutionEvent.Scope.Session, Actor.SYSTEM, sessionCwd, what);
        if (startSeq != null) {
            e = e.finished(startSeq, status == 0 ? ExecutionEvent.Status.Completed
                    : cancelled(status) ? ExecutionEvent.Status.Cancelled : ExecutionEvent.Status.Failed,
                    status, millis).withPhase(ExecutionEvent.Phase.Cleanup);
        }
        return log.append(e);
    }
}
