package org.oasm.cockpit.selftest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.oasm.cockpit.templates.TemplateCatalog;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.store.ArtifactStore;

/**
 * {@code oasm test}: the self-test of an installation, as a user checks that a container or a
 * fresh machine is healthy. It reads the user's root and writes nothing there (the command adds
 * its own provenance record and the report); everything that writes runs in a
 * {@link ScratchCockpit} on a temporary root mirroring the installation's data, deleted at the
 * end unless a check failed (then kept, for a look at what happened) or it was asked to keep it.
 *
 * <p>The checks run one after the other in a fixed order: the installation's files
 * ({@link InstallationChecks}), then in the scratch cockpit the rules' session layer, the store
 * and the conversion round trips ({@link ScratchChecks}), every command block on its sample
 * ({@link TemplateRuns}), the Python modules (started on GraalPy in the background at the
 * beginning, as that is the slow part), and last the records, read back in a new session.
 */
public final class SelfTest {

    /** Told about each check as it starts and ends, for the progress bar or the plain lines. */
    public interface Progress {
        void started(int index, int total, String id);

        void finished(int index, int total, CheckResult result);
    }

    /**
     * What the run found.
     *
     * @param scratch the scratch folder when it was kept, else null
     */
    public record Report(Suite suite, Path root, Instant started, long millis, List<CheckResult> results, Path scratch) {

        public long count(CheckResult.Status status) {
            return results.stream().filter(r -> r.status() == status).count();
        }

        public boolean passed() {
            return count(CheckResult.Status.FAILED) == 0 && count(CheckResult.Status.ERROR) == 0;
        }
    }

    private final OasmRoot root;
    private final ArtifactStore store;
    private final Suite suite;
    private final boolean debug;
    private final boolean keep;
    private Predicate<String> include = id -> true;

    public SelfTest(OasmRoot root, ArtifactStore store, Suite suite, boolean debug, boolean keep) {
        this.root = root;
        this.store = store;
        this.suite = suite;
        this.debug = debug;
        this.keep = keep;
    }

    /** Runs only the checks whose id ({@code group.name}) passes the test; the others are left out of the report. */
    SelfTest only(Predicate<String> test) {
        this.include = test;
        return this;
    }

    public Report run(Progress progress) throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        BundledSamples samples = new BundledSamples(root);
        ScratchCockpit[] cell = new ScratchCockpit[1];
        Supplier<ScratchCockpit> scratch = () -> cell[0];
        ScratchChecks scratchChecks = new ScratchChecks(suite, samples, scratch);
        TemplateRuns runs = new TemplateRuns(suite, samples, scratch);
        cell[0] = new ScratchCockpit(root, debug, scratchChecks.pythonModules());
        List<CheckResult> results = new ArrayList<>();
        try {
            List<Check> checks = new ArrayList<>(new InstallationChecks(root, store).all());
            checks.addAll(scratchChecks.first());
            checks.addAll(runs.all(TemplateCatalog.open(root, store)));
            checks.addAll(scratchChecks.python());
            checks.addAll(scratchChecks.last());
            checks.removeIf(c -> !include.test(c.group() + "." + c.name()));
            for (int i = 0; i < checks.size(); i++) {
                Check c = checks.get(i);
                progress.started(i, checks.size(), c.group() + "." + c.name());
                CheckResult r = run(c);
                results.add(r);
                progress.finished(i, checks.size(), r);
            }
        } finally {
            cell[0].close();
        }
        boolean failed = results.stream().anyMatch(r -> r.status() == CheckResult.Status.FAILED
                || r.status() == CheckResult.Status.ERROR);
        Path kept = null;
        if (keep || failed) {
            kept = cell[0].dir();
        } else {
            try {
                cell[0].delete();
            } catch (UncheckedIOException e) {
                kept = cell[0].dir();
            }
        }
        return new Report(suite, root.dir(), started, (System.nanoTime() - t0) / 1_000_000, List.copyOf(results), kept);
    }

    private static CheckResult run(Check c) {
        long t0 = System.nanoTime();
        CheckResult.Status status;
        String message;
        String detail = "";
        try {
            message = c.body().run();
            status = CheckResult.Status.PASSED;
        } catch (Check.Failed f) {
            status = CheckResult.Status.FAILED;
            message = f.getMessage();
            detail = f.detail();
        } catch (Check.Skipped s) {
            status = CheckResult.Status.SKIPPED;
            message = s.getMessage();
        } catch (Exception | LinkageError | AssertionError e) {
            status = CheckResult.Status.ERROR;
            message = e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse(""));
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            detail = trace.toString();
        }
        return new CheckResult(c.group(), c.name(), status, (System.nanoTime() - t0) / 1_000_000,
                message == null ? "" : message, detail);
    }
}
