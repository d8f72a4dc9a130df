package org.oasm.cockpit.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.oasm.cockpit.rules.ResolvedRule;
import org.oasm.cockpit.rules.RuleHierarchy;

/**
 * Applies the resolved rules to a tree: walks it as git would (see {@link FileWalk}), gives each
 * file the rules of its language (the hierarchy resolved with that language as the domain), and
 * collects the findings in a stable order (file, line, column, rule) with fingerprints. Files are
 * scanned in parallel; binary files (a NUL byte in the first 8 KiB) and files of no known
 * language are skipped.
 */
public final class Scanner {

    /** Files larger than this are not scanned (generated or data files). */
    public static final long MAX_FILE_SIZE = 8L << 20;

    /** The findings of one scan. */
    public record Result(Path path, int filesScanned, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final RuleHierarchy hierarchy;
    private final Predicate<ResolvedRule> select;
    private final Map<String, List<CompiledRule>> byLanguage = new ConcurrentHashMap<>();

    /** @param select which enabled rules to run (all, or those a command block names) */
    public Scanner(RuleHierarchy hierarchy, Predicate<ResolvedRule> select) {
        this.hierarchy = hierarchy;
        this.select = select;
    }

    /** The compiled rules that run on files of {@code language}. */
    public List<CompiledRule> rulesFor(String language) {
        return byLanguage.computeIfAbsent(language, lang -> hierarchy.resolve(lang).stream()
                .filter(r -> r.enabled() && r.definition().appliesTo(lang) && select.test(r))
                .map(CompiledRule::new).toList());
    }

    public Result scan(Path path, Set<Path> skip) {
        List<FileWalk.Item> items = FileWalk.files(path, skip);
        List<Diagnostic> found = new ArrayList<>();
        int[] scanned = new int[1];
        List<List<Diagnostic>> perFile = items.parallelStream().map(item -> scanFile(item, scanned)).toList();
        perFile.forEach(found::addAll);
        found.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::ruleId));
        return new Result(path, scanned[0], fingerprinted(found));
    }

    private List<Diagnostic> scanFile(FileWalk.Item item, int[] scanned) {
        String lang = Languages.of(item.file().getFileName().toString());
        if (lang == null) {
            return List.of();
        }
        List<CompiledRule> rules = rulesFor(lang);
        byte[] bytes;
        try {
            if (Files.size(item.file()) > MAX_FILE_SIZE) {
                return List.of();
            }
            bytes = Files.readAllBytes(item.file());
        } catch (IOException e) {
            return List.of();
        }
        for (int i = 0, n = Math.min(bytes.length, 8192); i < n; i++) {
            if (bytes[i] == 0) {
                return List.of();
            }
        }
        synchronized (scanned) {
            scanned[0]++;
        }
        TextFile f = new TextFile(item.path(), new String(bytes, StandardCharsets.UTF_8));
        List<Diagnostic> out = new ArrayList<>();
        for (CompiledRule r : rules) {
            if (r.appliesToPath(item.path())) {
                r.apply(f, out);
            }
        }
        if (!out.isEmpty()) {
            List<Diagnostic> withText = new ArrayList<>(out.size());
            for (Diagnostic d : out) {
                withText.add(d.withFingerprint(f.line(d.line())));
            }
            return withText;
        }
        return out;
    }

    /** Replaces each finding's line text (held in the fingerprint slot) by its fingerprint, counting repeats. */
    private static List<Diagnostic> fingerprinted(List<Diagnostic> found) {
        Map<String, Integer> seen = new HashMap<>();
        List<Diagnostic> out = new ArrayList<>(found.size());
        for (Diagnostic d : found) {
            String base = CompiledRule.fingerprint(d.ruleId(), d.file(), d.fingerprint());
            int n = seen.merge(base, 1, Integer::sum);
            out.add(d.withFingerprint(n == 1 ? base : base + "-" + n));
        }
        return out;
    }
}
