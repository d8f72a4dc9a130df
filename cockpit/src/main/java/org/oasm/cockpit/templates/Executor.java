package org.oasm.cockpit.templates;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oasm.cockpit.provenance.Recorder;
import org.oasm.cockpit.rules.Rules;
import org.oasm.cockpit.scan.FileWalk;
import org.oasm.formats.manifest.Problem;
import org.oasm.formats.provenance.LineageChange;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.store.ArtifactStore;
import org.oasm.formats.workcopy.ChangeRecorder;
import org.oasm.formats.workcopy.CommitResult;
import org.oasm.formats.workcopy.WorkingCopies;
import org.oasm.formats.workcopy.WorkingCopyException;

/**
 * {@code oasm execute}: runs a command block on a working copy of the target, shows what it would
 * change (per step, then as one unified diff), and commits it when told to (or discards it). The
 * original files are not touched before the commit, and the commit writes each file atomically
 * after saving the bytes it replaces, so a kill at any moment leaves every original as it was
 * (or, during the commit itself, each file old or new, and the commit resumable). The commit gets
 * a lineage record whose revert command puts the old bytes back.
 */
public final class Executor {

    /**
     * One {@code oasm execute}.
     *
     * @param environment the environment of the calling shell, which run steps inherit
     */
    public record Request(String template, Path target, List<String> params, boolean dryRun, boolean yes, String commandLine,
            java.util.Map<String, String> environment) {
    }

    /** Asks the user whether to commit; absent when there is no terminal to ask on. */
    @FunctionalInterface
    public interface Prompt {
        boolean confirm(String question);
    }

    /**
     * How it ended.
     *
     * @param status    the exit status
     * @param message   an error to print (for a non-zero status), or null
     * @param lineageId the lineage record of the commit, or null
     */
    public record Result(int status, String message, String lineageId, TemplateCatalog.Entry template, int filesChanged,
            int linesAdded, int linesRemoved, String workingCopy) {
    }

    private final OasmRoot root;
    private final ArtifactStore store;
    private final Recorder recorder;
    private final String actor;
    private final PrintStream out;
    private final PrintStream err;
    private final PythonSteps python;

    public Executor(OasmRoot root, ArtifactStore store, Recorder recorder, String actor, PrintStream out, PrintStream err,
            PythonSteps python) {
        this.root = root;
        this.store = store;
        this.recorder = recorder;
        this.actor = actor;
        this.out = out;
        this.err = err;
        this.python = python;
    }

    /** The checked block of a template, or a one-line error naming the first problem. */
    public static CommandBlock load(OasmRoot root, TemplateCatalog.Entry entry) {
        if (entry.refusal() != null) {
            throw new OasmException(entry.refusal());
        }
        BlockLoader.Loaded loaded = new BlockLoader(SchemaRegistry.open(root)).load(entry.source(), entry.content());
        if (!loaded.ok()) {
            List<Problem> ps = loaded.problems();
            throw new OasmException(ps.getFirst() + (ps.size() > 1 ? " (and " + (ps.size() - 1)
                    + " more; see: oasm templates validate " + entry.id() + ")" : ""));
        }
        return loaded.block();
    }

    public Result execute(Request req, Prompt prompt) throws InterruptedException {
        TemplateCatalog.Entry entry = TemplateCatalog.open(root, store).find(req.template())
                .orElseThrow(() -> new OasmException("execute: no template '" + req.template() + "' (see: oasm templates list)"));
        CommandBlock block = load(root, entry);
        Params params = Params.of(block, req.params());
        Path target = req.target().toAbsolutePath().normalize();
        if (!Files.isRegularFile(target) && !Files.isDirectory(target)) {
            throw new OasmException(req.target() + ": no such file or folder");
        }
        Path projectRules = Rules.projectRules(target);
        Workspace ws = req.dryRun() ? Workspace.temporary(target, Set.of(root.artifacts(), root.logs()))
                : Workspace.working(copies(ChangeRecorder.NONE), target, actor);
        boolean keep = false;
        try (FileWalk.Scope asTarget = FileWalk.walkAs(ws.dir(), Files.isRegularFile(target) ? target.getParent() : target)) {
            out.println("execute " + block.id() + " (" + block.kind() + ") on " + target
                    + (req.dryRun() ? " (dry run)" : " in working copy " + ws.id()));
            BlockRunner runner = new BlockRunner(block, params, ws, req.environment(), recorder, out, err,
                    memo(() -> Rules.load(root, projectRules)), python);
            BlockRunner.Outcome outcome = runner.run();
            Snapshot initial = runner.first();
            Snapshot last = runner.last();
            Set<String> writable = new HashSet<>(initial.paths());
            writable.addAll(last.paths());
            ws.dropUnwritable(writable);
            List<FileDelta> total = initial.deltas(last);
            total.forEach(d -> out.print(d.diff()));
            int added = total.stream().mapToInt(FileDelta::added).sum();
            int removed = total.stream().mapToInt(FileDelta::removed).sum();
            if (!total.isEmpty()) {
                out.println(summary(total.size(), added, removed));
            }
            if (!outcome.ok()) {
                return new Result(1, "execute: " + outcome.failure() + "; " + discarded(req, target), null, entry,
                        0, 0, 0, ws.id());
            }
            if (req.dryRun()) {
                out.println("dry run: nothing was written");
                return new Result(0, null, null, entry, total.size(), added, removed, null);
            }
            if (total.isEmpty()) {
                out.println("nothing to commit: " + block.id() + " changed no file");
                return new Result(0, null, null, entry, 0, 0, 0, ws.id());
            }
            boolean commit = req.yes();
            if (!commit && prompt == null) {
                return new Result(1, "execute: not committed: standard input is not a terminal and --yes was not given; "
                        + discarded(req, target) + " (run again with --yes to commit)", null, entry, 0, 0, 0, ws.id());
            }
            if (!commit && !prompt.confirm("commit " + total.size() + (total.size() == 1 ? " file" : " files") + " to " + target + "? [y/N] ")) {
                out.println("not committed; " + discarded(req, target));
                return new Result(0, null, null, entry, 0, 0, 0, ws.id());
            }
            ChangeLineage lineage = recorder == null ? null : new ChangeLineage(recorder, new ChangeLineage.About(
                    "template " + block.id(), block.description(), req.commandLine(), null,
                    entry.ref() == null ? null : entry.ref().toString(), tests(outcome)));
            CommitResult committed;
            try {
                committed = copies(lineage == null ? ChangeRecorder.NONE : lineage).commit(ws.id(), false, actor);
            } catch (WorkingCopyException e) {
                keep = prepared(ws.id());
                throw new OasmException("execute: " + e.getMessage() + (keep ? "; finish with: oasm workcopy commit " + ws.id()
                        : "; nothing was committed"));
            }
            keep = true;
            String id = lineage == null ? null : lineage.lineageId();
            out.println("committed " + committed.change().map(c -> c.files().size()).orElse(0) + " file(s) to " + target
                    + (id == null ? " (provenance is off: no lineage record, no revert)" : "; lineage " + id
                    + "; undo with: oasm revert --lineage-id " + id));
            return new Result(0, null, id, entry, total.size(), added, removed, ws.id());
        } finally {
            if (req.dryRun()) {
                ws.deleteTemporary();
            } else if (!keep) {
                discard(ws.id());
            }
        }
    }

    static String summary(int files, int added, int removed) {
        return files + (files == 1 ? " file changed, " : " files changed, ") + added + (added == 1 ? " insertion(+), " : " insertions(+), ")
                + removed + (removed == 1 ? " deletion(-)" : " deletions(-)");
    }

    private static String discarded(Request req, Path target) {
        return req.dryRun() ? "nothing was written" : "the working copy was discarded and " + target + " is unchanged";
    }

    private static List<LineageChange.TestResult> tests(BlockRunner.Outcome o) {
        return o.tests().stream().map(t -> new LineageChange.TestResult(t.name(), switch (t.status()) {
            case PASSED -> LineageChange.TestStatus.Passed;
            case FAILED -> LineageChange.TestStatus.Failed;
            case SKIPPED -> LineageChange.TestStatus.Skipped;
        }, t.millis())).toList();
    }

    private WorkingCopies copies(ChangeRecorder r) {
        return new WorkingCopies(root, store, r);
    }

    private boolean prepared(String copyId) {
        try {
            copies(ChangeRecorder.NONE).loadChange(copyId);
            return true;
        } catch (WorkingCopyException none) {
            return false;
        }
    }

    private void discard(String copyId) {
        try {
            copies(ChangeRecorder.NONE).discard(copyId);
        } catch (RuntimeException e) {
            err.println("oasm: execute: could not discard working copy " + copyId + ": " + e.getMessage());
        }
    }

    private static <T> java.util.function.Supplier<T> memo(java.util.function.Supplier<T> s) {
        Object[] cell = new Object[1];
        return () -> {
            if (cell[0] == null) {
                cell[0] = s.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) cell[0];
            return t;
        };
    }
}
