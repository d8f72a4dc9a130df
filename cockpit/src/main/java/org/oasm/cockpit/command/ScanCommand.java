package org.oasm.cockpit.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.oasm.cockpit.rules.Rules;
import org.oasm.cockpit.rules.Severity;
import org.oasm.cockpit.scan.Diagnostic;
import org.oasm.cockpit.scan.DiagnosticIndex;
import org.oasm.cockpit.scan.FileWalk;
import org.oasm.cockpit.scan.Scanner;
import org.oasm.formats.store.ArtifactRef;

/**
 * {@code oasm scan PATH [--baseline REF] [--format text|json]}: the resolved rules over a tree,
 * findings as {@code file:line:col severity rule message}, the diagnostic index kept under
 * {@code logs/StructureDebug/}, and with a stored baseline the new, unchanged and fixed findings.
 * Exit status 1 when there is an error-severity finding (with a baseline: a new one).
 */
final class ScanCommand extends OasmCommand {

    ScanCommand() {
        super("scan", "Rules and scans", "diagnostics from the resolved rules", "PATH", 1, 1, List.of(
                OptionSpec.value("baseline", "REF", "a diagnostic index kept in the store, to compare with"),
                OptionSpec.value("format", "FORMAT", "text or json")));
    }

    @Override
    protected int run(Invocation inv) {
        String format = inv.format("text", "json");
        String arg = inv.argument(0, "PATH");
        Path path = inv.path(arg);
        if (!Files.exists(path)) {
            throw new CommandFailure(arg + ": no such file or folder");
        }
        var root = inv.services().root();
        // the walk (mostly waiting on the file system) starts while the rule files are read
        FileWalk.Feed walk = FileWalk.feed(path, Set.of(root.artifacts(), root.logs()));
        Rules.Loaded rules = Rules.load(root, Rules.projectRules(path));
        rules.problems().forEach(p -> inv.err().println("oasm: warning: " + p + " (file left out)"));
        String baselineRef = null;
        List<Diagnostic> baseline = null;
        if (inv.option("baseline").isPresent()) {
            ArtifactRef ref = ArtifactRef.parse(inv.option("baseline").get());
            baselineRef = ref.toString();
            baseline = DiagnosticIndex.read(inv.services().store().get(ref), baselineRef);
            inv.notes().hdf5Reference(baselineRef);
        }
        Instant when = Instant.now();
        Scanner.Result r = new Scanner(rules.hierarchy(), x -> true).scan(path, walk);
        List<Diagnostic> current = r.diagnostics();
        List<Diagnostic> fixed = List.of();
        if (baseline != null) {
            DiagnosticIndex.Comparison c = DiagnosticIndex.compare(current, baseline);
            current = c.current();
            fixed = c.fixed();
        }
        // the index (also what --format json prints) is made and kept on another thread while
        // the text findings are put together; nothing is printed unless it was kept
        List<Diagnostic> now = current;
        List<Diagnostic> gone = fixed;
        String ref = baselineRef;
        Executor indexThread = job -> Thread.ofPlatform().daemon().name("oasm-index").start(job);
        CompletableFuture<byte[]> doc = CompletableFuture.supplyAsync(
                () -> DiagnosticIndex.json(r, arg, when, ref, now, gone), indexThread);
        CompletableFuture<Path> written = doc.thenApply(json -> DiagnosticIndex.write(root, json, when));
        Path index;
        if (format.equals("json")) {
            index = join(written);
            byte[] json = join(doc);
            inv.out().write(json, 0, json.length);
            inv.out().println();
        } else {
            StringBuilder lines = new StringBuilder(current.size() * 96);
            if (baseline == null) {
                current.forEach(d -> lines.append(d.render()).append('\n'));
            } else {
                section(lines, "new", current.stream().filter(d -> "new".equals(d.status())).toList());
                section(lines, "unchanged", current.stream().filter(d -> "unchanged".equals(d.status())).toList());
                section(lines, "fixed", fixed);
            }
            index = join(written);
            inv.out().print(lines);
        }
        inv.notes().put("diagnostic_index", index.toString()).put("files_scanned", String.valueOf(r.filesScanned()));
        boolean compared = baselineRef != null;
        long errors = current.stream().filter(d -> d.severity() == Severity.ERROR
                && (!compared || "new".equals(d.status()))).count();
        if (format.equals("text")) {
            inv.err().println("scan: " + r.filesScanned() + " file(s), " + current.size() + " finding(s)"
                    + (baselineRef == null ? "" : " against " + baselineRef + ": " + count(current, "new") + " new, "
                    + count(current, "unchanged") + " unchanged, " + fixed.size() + " fixed") + "; index " + index);
        }
        return errors > 0 ? 1 : 0;
    }

    /** The value of a job on the index thread; its failure as its own (the index cannot be written). */
    private static <T> T join(CompletableFuture<T> job) {
        try {
            return job.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static long count(List<Diagnostic> ds, String status) {
        return ds.stream().filter(d -> status.equals(d.status())).count();
    }

    private static void section(StringBuilder lines, String title, List<Diagnostic> ds) {
        lines.append(title).append(": ").append(ds.size()).append('\n');
        ds.forEach(d -> lines.append("  ").append(d.render()).append('\n'));
    }
}
