package org.oasm.cockpit.scan;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oasm.cockpit.rules.ResolvedRule;
import org.oasm.cockpit.rules.RuleHierarchy;

/**
 * Applies the resolved rules to a tree: walks it as git would (see {@link FileWalk}), gives each
 * file the rules of its language (the hierarchy resolved with that language as the domain), and
 * collects the findings in a stable order (file, line, column, rule) with fingerprints. Binary
 * files (a NUL byte in the first 8 KiB) and files of no known language are skipped.
 *
 * <p>Each file is read once: one pass of the language's {@link Prefilter} finds where every
 * rule's needles are, and each rule's regular expression then runs only there (see
 * {@link CompiledRule}). Files are shared out between threads as the walk finds them, each
 * thread with its own matchers and buffers; every file's findings are sorted and fingerprinted by
 * the thread that scanned it, and the files put in path order at the end.
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

    /** The rules of one language and the automaton of their needles. */
    private record RuleSet(List<CompiledRule> rules, Prefilter prefilter) {
    }

    private final RuleHierarchy hierarchy;
    private final Predicate<ResolvedRule> select;
    private final Map<String, RuleSet> byLanguage = new ConcurrentHashMap<>();

    /** @param select which enabled rules to run (all, or those a command block names) */
    public Scanner(RuleHierarchy hierarchy, Predicate<ResolvedRule> select) {
        this.hierarchy = hierarchy;
        this.select = select;
    }

    /** The compiled rules that run on files of {@code language}. */
    public List<CompiledRule> rulesFor(String language) {
        return ruleSet(language).rules();
    }

    private RuleSet ruleSet(String language) {
        return byLanguage.computeIfAbsent(language, lang -> compiled(hierarchy.resolve(lang).stream()
                .filter(r -> r.enabled() && r.definition().appliesTo(lang) && select.test(r)).toList()));
    }

    /**
     * The rule sets compiled before, by the resolved rules they hold (values all the way down):
     * one scan after another in a cockpit compiles the same rules and needles once.
     */
    private static final Map<List<ResolvedRule>, RuleSet> COMPILED = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<ResolvedRule>, RuleSet> eldest) {
            return size() > 32;
        }
    };

    private static RuleSet compiled(List<ResolvedRule> resolved) {
        synchronized (COMPILED) {
            RuleSet known = COMPILED.get(resolved);
            if (known != null) {
                return known;
            }
        }
        RuleSet set = compile(resolved);
        synchronized (COMPILED) {
            COMPILED.put(resolved, set);
        }
        return set;
    }

    private static RuleSet compile(List<ResolvedRule> resolved) {
        List<CompiledRule> rules = resolved.stream().map(CompiledRule::new).toList();
        List<List<String>> needles = new ArrayList<>();
        boolean[] caseSensitive = new boolean[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            needles.add(rules.get(i).facts().needles());
            caseSensitive[i] = !rules.get(i).facts().ignoreCase();
        }
        return new RuleSet(rules, new Prefilter(needles, caseSensitive));
    }

    /** Scans the files under {@code path}; {@code skip} folders are left out. */
    public Result scan(Path path, Set<Path> skip) {
        return scan(path, FileWalk.feed(path, skip));
    }

    /**
     * Scans the files of a walk of {@code path} as the walk hands them out, on as many threads
     * as there are processors (at most 8). Each thread keeps the findings of the files it
     * scanned; they are put in path order at the end, so the order does not depend on which
     * thread took which file.
     */
    public Result scan(Path path, FileWalk.Feed feed) {
        AtomicInteger scanned = new AtomicInteger();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        List<List<Scanned>> results = new ArrayList<>();
        Supplier<List<Scanned>> work = () -> {
            Worker w = new Worker();
            List<Scanned> mine = new ArrayList<>();
            for (List<FileWalk.Item> batch; (batch = feed.next()) != null; ) {
                for (FileWalk.Item item : batch) {
                    List<Diagnostic> found = w.scanFile(item, scanned);
                    if (!found.isEmpty()) {
                        mine.add(new Scanned(item.path(), found));
                    }
                }
            }
            return mine;
        };
        List<Thread> helpers = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        for (int t = 1; t < threads; t++) {
            helpers.add(Thread.ofPlatform().daemon().name("oasm-scan-" + t).start(() -> {
                try {
                    List<Scanned> mine = work.get();
                    synchronized (results) {
                        results.add(mine);
                    }
                } catch (RuntimeException | Error e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }));
        }
        List<Scanned> own = work.get();
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("scan interrupted", e);
            }
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException re) {
                throw re;
            }
            if (failure[0] instanceof Error err) {
                throw err;
            }
        }
        results.add(own);
        List<Scanned> all = new ArrayList<>();
        results.forEach(all::addAll);
        all.sort(Comparator.comparing(Scanned::path));
        int total = 0;
        for (Scanned x : all) {
            total += x.diagnostics().size();
        }
        List<Diagnostic> found = new ArrayList<>(total);
        for (Scanned x : all) {
            found.addAll(x.diagnostics());
        }
        return new Result(path, scanned.get(), found);
    }

    /** The findings of one file (a file without any is not kept). */
    private record Scanned(String path, List<Diagnostic> diagnostics) {
    }

    private static final Comparator<Diagnostic> IN_FILE = Comparator.comparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::ruleId);

    /** One thread's scanning: its buffers, its matchers, the hits of the file at hand. */
    private final class Worker implements CompiledRule.Matchers, Prefilter.Hits {

        private static final class Slot {
            Matcher matcher;
            TextFile file;
        }

        private final IdentityHashMap<Pattern, Slot> matchers = new IdentityHashMap<>();
        private byte[] buffer = new byte[64 << 10];
        private int[] hitRule = new int[256];
        private int[] hitStart = new int[256];
        private int hits;
        private int[] sorted = new int[256];
        private int[] ruleFrom = new int[64];

        @Override
        public Matcher of(Pattern p, TextFile f, boolean window) {
            Slot s = matchers.get(p);
            if (s == null) {
                s = new Slot();
                s.matcher = window ? p.matcher(f.text()) : p.matcher(f.text()).useTransparentBounds(true).useAnchoringBounds(false);
                s.file = f;
                matchers.put(p, s);
            } else if (s.file != f) {
                s.matcher.reset(f.text());
                s.file = f;
            }
            return s.matcher;
        }

        @Override
        public void hit(int rule, int start) {
            if (hits == hitRule.length) {
                hitRule = Arrays.copyOf(hitRule, hits * 2);
                hitStart = Arrays.copyOf(hitStart, hits * 2);
            }
            hitRule[hits] = rule;
            hitStart[hits] = start;
            hits++;
        }

        List<Diagnostic> scanFile(FileWalk.Item item, AtomicInteger scanned) {
            String lang = Languages.of(item.file().getFileName().toString());
            if (lang == null) {
                return List.of();
            }
            RuleSet set = ruleSet(lang);
            int n;
            try {
                long size = item.size() >= 0 ? item.size() : Files.size(item.file());
                if (size > MAX_FILE_SIZE) {
                    return List.of();
                }
                n = read(item.file(), size);
            } catch (IOException e) {
                return List.of();
            }
            byte[] b = buffer;
            for (int i = 0, end = Math.min(n, 8192); i < end; i++) {
                if (b[i] == 0) {
                    return List.of();
                }
            }
            scanned.incrementAndGet();
            boolean ascii = true;
            boolean lineEnds = true; // only \n and \r\n end lines
            for (int i = 0; i < n; i++) {
                int c = b[i];
                if (c < 0) {
                    ascii = false;
                } else if (c == '\r' && (i + 1 == n || b[i + 1] != '\n')) {
                    lineEnds = false;
                }
            }
            String text = new String(b, 0, n, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            if (!ascii && (text.indexOf('\u0085') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0)) {
                lineEnds = false;
            }
            TextFile f = new TextFile(item.path(), text);
            List<CompiledRule> rules = set.rules();
            hits = 0;
            if (ascii) {
                set.prefilter().run(b, n, this);
            } else {
                set.prefilter().run(text, this);
            }
            bucket(rules.size());
            List<Diagnostic> out = new ArrayList<>();
            for (int r = 0; r < rules.size(); r++) {
                CompiledRule rule = rules.get(r);
                if (rule.appliesToPath(item.path())) {
                    rule.apply(f, sorted, ruleFrom[r], ruleFrom[r + 1], lineEnds, this, out);
                }
            }
            return out.isEmpty() ? List.of() : fingerprinted(f, out);
        }

        /** Reads the file into the buffer; its length. */
        private int read(Path file, long size) throws IOException {
            if (size + 1 > buffer.length) {
                buffer = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(size + 1, buffer.length * 2L))];
            }
            try (FileInputStream in = new FileInputStream(file.toFile())) {
                int n = 0;
                while (true) {
                    int r = in.read(buffer, n, buffer.length - n);
                    if (r < 0) {
                        return n;
                    }
                    n += r;
                    if (n == buffer.length) {
                        if (n > MAX_FILE_SIZE) {
                            throw new IOException("grew while read");
                        }
                        buffer = Arrays.copyOf(buffer, n * 2);
                    }
                }
            }
        }

        /** Groups the hits by rule: {@code sorted[ruleFrom[r], ruleFrom[r + 1])}, ascending and distinct. */
        private void bucket(int rules) {
            if (ruleFrom.length < rules + 1) {
                ruleFrom = new int[rules + 1];
            }
            if (sorted.length < hits) {
                sorted = new int[hitRule.length];
            }
            Arrays.fill(ruleFrom, 0, rules + 1, 0);
            for (int i = 0; i < hits; i++) {
                ruleFrom[hitRule[i] + 1]++;
            }
            for (int r = 0; r < rules; r++) {
                ruleFrom[r + 1] += ruleFrom[r];
            }
            int[] fill = Arrays.copyOf(ruleFrom, rules);
            for (int i = 0; i < hits; i++) {
                sorted[fill[hitRule[i]]++] = hitStart[i];
            }
            // each rule's starts: sorted, repeats dropped, the segment shrunk in place
            int write = 0;
            for (int r = 0; r < rules; r++) {
                int from = ruleFrom[r];
                int to = ruleFrom[r + 1];
                Arrays.sort(sorted, from, to);
                ruleFrom[r] = write;
                for (int i = from; i < to; i++) {
                    if (i == from || sorted[i] != sorted[i - 1]) {
                        sorted[write++] = sorted[i];
                    }
                }
            }
            ruleFrom[rules] = write;
        }
    }

    /** The findings of one file in order, each with its fingerprint (repeats of one counted). */
    private static List<Diagnostic> fingerprinted(TextFile f, List<Diagnostic> found) {
        found.sort(IN_FILE);
        Map<String, Integer> seen = new HashMap<>();
        List<Diagnostic> out = new ArrayList<>(found.size());
        for (Diagnostic d : found) {
            String base = CompiledRule.fingerprint(d.ruleId(), d.file(), f.line(d.line()));
            int n = seen.merge(base, 1, Integer::sum);
            out.add(d.withFingerprint(n == 1 ? base : base + "-" + n));
        }
        return out;
    }
}
