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
    private final Map<Long, Long> startSeqs = new ConcurrentHashMap<>();

    public ProvenanceListener(ExecutionLog log, Actor actor) {
        this.log = log;
        this.actor = actor;
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
                : outcome.status() == 130 ? ExecutionEvent.Status.Cancelled : ExecutionEvent.Status.Failed;
        ExecutionEvent e = ExecutionEvent.started(scope(event), actor, event.cwd().toString(), event.text())
                .finished(start, status, outcome.status(), outcome.durationMillis());
        if (event.parentId() != 0) {
            Long parent = startSeqs.get(event.parentId());
            if (parent != null) {
                e = e.withParent(parent);
            }
        }
        if (outcome.pid() > 0) {
            e = e.withProcess(new ExecutionEvent.ProcessStats(outcome.pid(), null, null,
                    outcome.cpuMillis() >= 0 ? outcome.cpuMillis() : null));
        }
        log.append(e);
    }

    private static ExecutionEvent.Scope scope(CommandEvent event) {
        return event.level() == CommandEvent.Level.LINE ? ExecutionEvent.Scope.Command : ExecutionEvent.Scope.Stage;
    }

    /** Records the start or end of the cockpit session, as the System actor. */
    public long session(String what, Long startSeq, int status, long millis) {
        ExecutionEvent e = ExecutionEvent.started(ExecutionEvent.Scope.Session, Actor.SYSTEM,
                java.nio.file.Path.of("").toAbsolutePath().toString(), what);
        if (startSeq != null) {
            e = e.finished(startSeq, status == 0 ? ExecutionEvent.Status.Completed : ExecutionEvent.Status.Failed,
                    status, millis).withPhase(ExecutionEvent.Phase.Cleanup);
        }
        return log.append(e);
    }
}
