package org.oasm.cockpit.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
        // the walk (mostly waiting on the file system) runs while the rule files are read
        CompletableFuture<List<FileWalk.Item>> walk = CompletableFuture.supplyAsync(
                () -> FileWalk.files(path, Set.of(root.artifacts(), root.logs())), Thread::startVirtualThread);
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
        Scanner.Result r = new Scanner(rules.hierarchy(), x -> true).scan(path, join(walk));
        List<Diagnostic> current = r.diagnostics();
        List<Diagnostic> fixed = List.of();
        if (baseline != null) {
            DiagnosticIndex.Comparison c = DiagnosticIndex.compare(current, baseline);
            current = c.current();
            fixed = c.fixed();
        }
        Path index = DiagnosticIndex.write(root, DiagnosticIndex.json(r, arg, when, baselineRef, current, fixed, true), when);
        inv.notes().put("diagnostic_index", index.toString()).put("files_scanned", String.valueOf(r.filesScanned()));
        if (format.equals("json")) {
            byte[] json = DiagnosticIndex.json(r, arg, when, baselineRef, current, fixed, false);
            inv.out().write(json, 0, json.length);
            inv.out().println();
        } else if (baseline == null) {
            StringBuilder lines = new StringBuilder(current.size() * 96);
            current.forEach(d -> lines.append(d.render()).append('\n'));
            inv.out().print(lines);
        } else {
            section(inv, "new", current.stream().filter(d -> "new".equals(d.status())).toList());
            section(inv, "unchanged", current.stream().filter(d -> "unchanged".equals(d.status())).toList());
            section(inv, "fixed", fixed);
        }
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

    /** The walk's files; its failure as the walk's own (a folder that cannot be read). */
    private static List<FileWalk.Item> join(CompletableFuture<List<FileWalk.Item>> walk) {
        try {
            return walk.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private static long count(List<Diagnostic> ds, String status) {
        return ds.stream().filter(d -> status.equals(d.status())).count();
    }

    private static void section(Invocation inv, String title, List<Diagnostic> ds) {
        inv.out().println(title + ": " + ds.size());
        ds.forEach(d -> inv.out().println("  " + d.render()));
    }
}
