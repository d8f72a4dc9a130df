package org.oasm.formats.provenance;

import java.util.Map;

/**
 * What the cockpit reports about a unit of execution - the session, a command line or a pipeline
 * stage - starting or finishing. {@link ExecutionLog} turns it into a record by adding the run id,
 * the sequence number and the time. A finishing event names the seq of its Started record.
 *
 * @param startSeq  for a finishing event, the seq the Started event was given
 * @param parentSeq the Started seq of the enclosing unit (a stage's command line), or null
 * @param process   resource use of the external process, where the OS reports it, or null
 */
public record ExecutionEvent(Scope scope, Phase phase, Status status, LogLevel level, Actor actor,
                             Long startSeq, Long parentSeq, Long durationMs, Integer exitStatus,
                             String cwd, String command, ProcessStats process, Map<String, String> context) {

    /** What a record is about. */
    public enum Scope { Session, Command, Stage }

    /** Phase of execution, as the execution_log schema spells it. */
    public enum Phase { Init, Parse, Validate, Execute, Cleanup, Rollback }

    /** Status of the unit, as the execution_log schema spells it. */
    public enum Status { Started, InProgress, Completed, Failed, Cancelled }

    /**
     * Resource use of an external process.
     *
     * @param memoryMb   peak resident memory in megabytes, or null
     * @param cpuPercent average CPU in percent of one core, or null
     * @param cpuTimeMs  total CPU time in milliseconds, or null
     */
    public record ProcessStats(long pid, Double memoryMb, Double cpuPercent, Long cpuTimeMs) {
    }

    public ExecutionEvent {
        context = context == null ? Map.of() : Map.copyOf(context);
    }

    /** A unit starting: phase Execute (Init for the session), level Info. */
    public static ExecutionEvent started(Scope scope, Actor actor, String cwd, String command) {
        Phase phase = scope == Scope.Session ? Phase.Init : Phase.Execute;
        return new ExecutionEvent(scope, phase, Status.Started, LogLevel.Info, actor, null, null, null, null,
                cwd, command, null, Map.of());
    }

    /**
     * The same unit finishing: Failed is logged at level Error, Cancelled at Warn, the session's end
     * in phase Cleanup.
     */
    public ExecutionEvent finished(long startedSeq, Status outcome, Integer exit, long durationMillis) {
        if (outcome == Status.Started || outcome == Status.InProgress) {
            throw new IllegalArgumentException("a finishing event needs Completed, Failed or Cancelled");
        }
        LogLevel finalLevel = switch (outcome) {
            case Failed -> LogLevel.Error;
            case Cancelled -> LogLevel.Warn;
            default -> level;
        };
        Phase finalPhase = scope == Scope.Session ? Phase.Cleanup : phase;
        return new ExecutionEvent(scope, finalPhase, outcome, finalLevel, actor, startedSeq, parentSeq,
                durationMillis, exit, cwd, command, process, context);
    }

    public ExecutionEvent withParent(long parent) {
        return new ExecutionEvent(scope, phase, status, level, actor, startSeq, parent, durationMs, exitStatus,
                cwd, command, process, context);
    }

    public ExecutionEvent withProcess(ProcessStats stats) {
        return new ExecutionEvent(scope, phase, status, level, actor, startSeq, parentSeq, durationMs, exitStatus,
                cwd, command, stats, context);
    }

    public ExecutionEvent withContext(Map<String, String> values) {
        return new ExecutionEvent(scope, phase, status, level, actor, startSeq, parentSeq, durationMs, exitStatus,
                cwd, command, process, values);
    }

    public ExecutionEvent withPhase(Phase newPhase) {
        return new ExecutionEvent(scope, newPhase, status, level, actor, startSeq, parentSeq, durationMs,
                exitStatus, cwd, command, process, context);
    }
}
