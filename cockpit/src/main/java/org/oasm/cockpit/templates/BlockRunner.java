package org.oasm.cockpit.templates;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.oasm.cockpit.provenance.ProvenanceListener;
import org.oasm.cockpit.provenance.Recorder;
import org.oasm.cockpit.scan.Glob;
import org.oasm.cockpit.templates.CommandBlock.Step;
import org.oasm.formats.provenance.Actor;
import org.oasm.formats.provenance.ExecutionEvent;
import org.oasm.substrate.ExecutionListener;

/**
 * Runs a command block's steps, then its tests, in a workspace: each step gets an execution
 * record (Started, then Completed, Failed or Cancelled) whose actor is
 * {@code Automation{BLOCK/STEP}}, and a report of the files it changed. The first failing step
 * stops the block (unless it may continue on error); tests run only when every step passed.
 */
public final class BlockRunner {

    /** What the run came to: every report, and the reason it failed (null when it passed). */
    public record Outcome(List<StepReport> steps, List<StepReport> tests, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private final CommandBlock block;
    private final Params params;
    private final Workspace ws;
    private final Recorder recorder;
    private final PrintStream out;
    private final StepKinds kinds;
    private final List<Glob> writes;
    private Snapshot first;
    private Snapshot current;

    BlockRunner(CommandBlock block, Params params, Workspace ws, Map<String, String> environment, Recorder recorder,
            PrintStream out, PrintStream err, Supplier<org.oasm.cockpit.rules.Rules.Loaded> rules, PythonSteps python) {
        this.block = block;
        this.params = params;
        this.ws = ws;
        this.recorder = recorder;
        this.out = out;
        Map<String, String> env = new LinkedHashMap<>(params.environment());
        env.put("OASM_TARGET", ws.target().toString());
        env.put("OASM_TEMPLATE", block.id());
        this.kinds = new StepKinds(ws.dir(), params, new StepShell(ws.dir(), environment, env, out, err), rules, python, out);
        this.writes = Glob.all(block.writes());
    }

    /** The writable files before the first step. */
    Snapshot first() {
        return first;
    }

    /** The writable files after the last step or test that ran. */
    Snapshot last() {
        return current;
    }

    Outcome run() throws InterruptedException {
        List<StepReport> steps = new ArrayList<>();
        first = Snapshot.take(ws.dir(), writes);
        current = first;
        String failure = null;
        for (int i = 0; i < block.steps().size(); i++) {
            Step s = block.steps().get(i);
            StepReport r = runOne("step", i + 1, block.steps().size(), s);
            steps.add(r);
            out.println(r.headline());
            r.deltas().forEach(d -> out.printf("  %-40s +%d -%d%n", d.path(), d.added(), d.removed()));
            if (r.status() == StepReport.Status.FAILED && !s.continueOnError()) {
                failure = "step " + r.index() + " '" + s.name() + "' failed: " + r.detail();
                break;
            }
        }
        if (failure == null && nothingRan(steps)) {
            failure = "nothing to do: every step was skipped ("
                    + steps.stream().filter(r -> r.status() == StepReport.Status.SKIPPED).map(r -> r.name() + ": " + r.detail())
                            .collect(java.util.stream.Collectors.joining("; ")) + ")";
        }
        List<StepReport> tests = new ArrayList<>();
        if (failure == null) {
            for (int i = 0; i < block.tests().size(); i++) {
                Step s = block.tests().get(i);
                StepReport r = runOne("test", i + 1, block.tests().size(), s);
                tests.add(r);
                out.println(r.headline());
                if (r.status() == StepReport.Status.FAILED && failure == null) {
                    failure = "test " + r.index() + " '" + s.name() + "' failed: " + r.detail();
                }
            }
        }
        return new Outcome(steps, tests, failure);
    }

    /** Whether every step that does work (all but assertions) was skipped. */
    private static boolean nothingRan(List<StepReport> steps) {
        List<StepReport> work = steps.stream().filter(r -> !r.kind().equals("assert")).toList();
        return !work.isEmpty() && work.stream().allMatch(r -> r.status() == StepReport.Status.SKIPPED);
    }

    private StepReport runOne(String phase, int index, int of, Step s) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted before " + phase + " " + index);
        }
        Actor actor = new Actor.Automation(block.id() + "/" + s.name());
        ExecutionListener listener = recorder == null ? ExecutionListener.NONE
                : new ProvenanceListener(recorder.listener().log(), actor);
        Map<String, String> context = Map.of("template", block.id(), "step", s.name(), "kind", s.action().kind(), "phase", phase,
                "working_copy", ws.id());
        ExecutionEvent start = ExecutionEvent.started(ExecutionEvent.Scope.Stage, actor, ws.dir().toString(),
                phase + " " + s.name() + " (" + s.action().kind() + ") of " + block.id()).withContext(context);
        long seq = recorder == null ? 0 : recorder.listener().log().append(start);
        long t0 = System.nanoTime();
        StepReport.Status status;
        String detail;
        Integer exit = null;
        try {
            Optional<String> skip = kinds.skipReason(s, listener);
            if (skip.isPresent()) {
                status = StepReport.Status.SKIPPED;
                detail = skip.get();
            } else {
                StepKinds.Done done = kinds.run(s, listener);
                status = done.ok() ? StepReport.Status.PASSED : StepReport.Status.FAILED;
                detail = done.detail();
                exit = done.exit();
            }
        } catch (StepException e) {
            status = StepReport.Status.FAILED;
            detail = e.getMessage();
        } catch (InterruptedException e) {
            finish(start, seq, ExecutionEvent.Status.Cancelled, 130, t0);
            throw e;
        } catch (Exception e) {
            status = StepReport.Status.FAILED;
            detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        }
        finish(start, seq, status == StepReport.Status.FAILED ? ExecutionEvent.Status.Failed : ExecutionEvent.Status.Completed,
                exit != null ? exit : status == StepReport.Status.FAILED ? 1 : 0, t0);
        Snapshot after = Snapshot.take(ws.dir(), writes, current);
        List<FileDelta> deltas = current.deltas(after);
        current = after;
        return new StepReport(phase, index, of, s.name(), s.action().kind(), status, detail, deltas,
                (System.nanoTime() - t0) / 1_000_000);
    }

    private void finish(ExecutionEvent start, long seq, ExecutionEvent.Status status, int exit, long t0) {
        if (recorder != null) {
            recorder.listener().log().append(start.finished(seq, status, exit, (System.nanoTime() - t0) / 1_000_000));
        }
    }
}
