package org.oasm.cockpit.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.oasm.cockpit.rules.ResolvedRule;
import org.oasm.cockpit.rules.Severity;
import org.oasm.cockpit.rules.Window;
import org.oasm.formats.root.OasmException;

/**
 * A resolved rule ready to run over files: its patterns compiled once (multi-line mode), its path
 * filters as globs, and what its pattern lets a scan assume ({@link Needles}). A match is a
 * finding unless the rule's required pattern is near it, or, for a rule with a forbidden pattern,
 * only when that pattern is near it.
 *
 * <p>The findings are always those of {@code Matcher.find()} run over the whole text, match
 * after match. A scan only chooses where to try: from the places its needles are (when every
 * match starts with one), from the lines that hold them (when a needle is always on a match's
 * first line), from line starts for a pattern anchored with {@code ^}, once for one anchored
 * with {@code \A}, near the end for one that ends with {@code \z}; and not at all in a file without its needles, or whose lines are all shorter
 * than its shortest single-line match. Text with line ends other than {@code \n} and
 * {@code \r\n} is searched the plain way, since {@code ^} then starts lines the scan does not
 * count.
 */
public final class CompiledRule {

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d)|\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    /** Where a scan gets the matchers it reuses from file to file (one set per thread). */
    interface Matchers {
        /**
         * The matcher of {@code p} over {@code f}'s text: with transparent bounds and without
         * anchoring bounds for a rule's pattern, with the default bounds for a window's.
         */
        Matcher of(Pattern p, TextFile f, boolean window);
    }

    private final ResolvedRule rule;
    private final Pattern pattern;
    private final boolean hasAt;
    private final Pattern required;
    private final Pattern forbidden;
    private final List<Glob> include;
    private final List<Glob> exclude;
    private final Severity severity;
    private final Needles.Facts facts;
    private final TrailingLookahead lookahead; // null, or the look-ahead ending the pattern, checked on its own
    private final Pattern head;                // the pattern without that look-ahead
    private final Pattern fallback;            // the whole pattern, for where the look-ahead fails
    private final List<Object> message; // text pieces, Integer group numbers, String group names (as {name})

    /** Compiles a resolved rule; an {@link OasmException} naming the rule, its file and its options when a pattern does not compile. */
    public CompiledRule(ResolvedRule rule) {
        this.rule = rule;
        int flags = Pattern.MULTILINE | (rule.definition().ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
        try {
            this.pattern = Pattern.compile(rule.regex(), flags);
            this.required = compile(rule.required(), flags);
            this.forbidden = compile(rule.forbidden(), flags);
        } catch (PatternSyntaxException e) {
            StringBuilder options = new StringBuilder();
            rule.options().forEach((k, v) -> options.append(options.isEmpty() ? " with " : ", ").append(k).append('=').append(v.value())
                    .append(" (").append(v.source()).append(')'));
            throw new OasmException("rule " + rule.id() + " (" + rule.definition().origin().name() + "): its pattern does not compile"
                    + options + ": " + e.getDescription());
        }
        this.hasAt = pattern.namedGroups().containsKey("at");
        this.include = Glob.all(rule.definition().include());
        this.exclude = Glob.all(rule.definition().exclude());
        this.severity = rule.effectiveSeverity();
        this.facts = Needles.of(rule.regex(), rule.definition().ignoreCase());
        this.lookahead = rule.definition().ignoreCase() ? null : TrailingLookahead.of(rule.regex());
        this.head = lookahead == null ? null : Pattern.compile(lookahead.head(), flags);
        this.fallback = lookahead == null ? null : Pattern.compile(lookahead.fallback(), flags);
        this.message = messagePieces(rule.message(), pattern);
    }

    public ResolvedRule rule() {
        return rule;
    }

    /** What the scan may assume about this rule's matches. */
    Needles.Facts facts() {
        return facts;
    }

    /** Whether the rule's include and exclude globs let it look at this path. */
    public boolean appliesToPath(String path) {
        return (include.isEmpty() || Glob.any(include, path)) && !Glob.any(exclude, path);
    }

    /** The findings in one file, in order of position (without fingerprints), searched the plain way. */
    public void apply(TextFile f, List<Diagnostic> out) {
        Matchers fresh = (p, file, window) -> window ? p.matcher(file.text())
                : p.matcher(file.text()).useTransparentBounds(true).useAnchoringBounds(false);
        plain(new Search(f, fresh), out);
    }

    /**
     * The findings in one file, where {@code starts[from, to)} are the places (ascending, distinct)
     * where this rule's needles start; {@code lineEnds} false when the text has line ends the scan
     * does not count, which makes the search plain.
     */
    void apply(TextFile f, int[] starts, int from, int to, boolean lineEnds, Matchers ms, List<Diagnostic> out) {
        Search s = new Search(f, ms);
        if (!lineEnds) {
            plain(s, out);
            return;
        }
        boolean hasNeedles = facts.needles() != null;
        if (hasNeedles && from == to) {
            return;
        }
        boolean oneLine = !facts.multiLine();
        if (oneLine && facts.minLength() > 0 && f.maxLineLength() < facts.minLength()) {
            return;
        }
        int length = f.text().length();
        int cursor = 0;
        switch (facts.anchor()) {
            case TEXT -> {
                if (s.lookingAt(0, length)) {
                    record(f, s.match, ms, out);
                }
            }
            case LINE -> {
                boolean someLines = hasNeedles && facts.local();
                int k = from;
                int lines = f.lineCount();
                for (int line = someLines ? f.lineOf(starts[from]) : 1; line <= lines; ) {
                    int at = f.lineStart(line);
                    if (at >= cursor && !(oneLine && f.lineEnd(line) - at < facts.minLength()) && s.lookingAt(at, length)) {
                        record(f, s.match, ms, out);
                        cursor = Math.max(s.match.end(), at + 1);
                    }
                    if (!someLines) {
                        line++;
                        continue;
                    }
                    int end = f.lineEnd(line);
                    while (k < to && starts[k] < end) {
                        k++;
                    }
                    if (k == to) {
                        break;
                    }
                    line = f.lineOf(starts[k]);
                }
            }
            case NONE -> {
                if (facts.atEnd() && facts.maxLength() <= 1024) {
                    // every match ends at the text's end: it starts at most maxLength before it
                    for (int p = Math.max(0, length - facts.maxLength()); p <= length; p++) {
                        if (p >= cursor && s.lookingAt(p, length)) {
                            if (!record(f, s.match, ms, out)) {
                                return;
                            }
                            cursor = Math.max(s.match.end(), p + 1);
                        }
                    }
                } else if (hasNeedles && facts.atStart()) {
                    for (int k = from; k < to; k++) {
                        int p = starts[k];
                        if (p >= cursor && s.lookingAt(p, length)) {
                            record(f, s.match, ms, out);
                            cursor = Math.max(s.match.end(), p + 1);
                        }
                    }
                } else if (hasNeedles && facts.local()) {
                    fromLines(s, starts, from, to, oneLine, out);
                } else {
                    plain(s, out);
                }
            }
        }
    }

    /** The search from each line that holds a needle, the lines between skipped. */
    private void fromLines(Search s, int[] starts, int from, int to, boolean oneLine, List<Diagnostic> out) {
        TextFile f = s.file;
        String text = f.text();
        int length = text.length();
        int cursor = 0;
        int k = from;
        while (k < to) {
            int line = f.lineOf(starts[k]);
            int ls = f.lineStart(line);
            int next = f.lineEnd(line);
            int le = next > ls && text.charAt(next - 1) == '\n' ? next - 1 : next; // the line feed's place
            int start = Math.max(ls, cursor);
            if (start <= le) {
                // with no line feed in a match, the matches that start on this line end on it
                if (!s.find(start, oneLine ? le : length)) {
                    if (oneLine) {
                        cursor = le;
                    } else {
                        return;
                    }
                } else {
                    if (!record(f, s.match, s.matchers, out)) {
                        return;
                    }
                    cursor = Math.max(s.match.end(), s.match.start() + 1);
                    continue; // the same line again, from after the match
                }
            }
            while (k < to && starts[k] < next) {
                k++;
            }
        }
    }

    private void plain(Search s, List<Diagnostic> out) {
        int length = s.file.text().length();
        for (int cursor = 0; cursor <= length && s.find(cursor, length); ) {
            if (!record(s.file, s.match, s.matchers, out)) {
                break;
            }
            cursor = Math.max(s.match.end(), s.match.start() + 1);
        }
    }

    /**
     * The rule's pattern over one file: with a {@link TrailingLookahead}, the pattern without it
     * finds a match and the look-ahead is checked on its own; only when it fails there is the
     * whole pattern asked at that place. {@link #match} is the matcher of the last match found.
     */
    private final class Search {
        final TextFile file;
        final Matchers matchers;
        final Matcher main;
        final Matcher whole;
        Matcher match;

        Search(TextFile file, Matchers matchers) {
            this.file = file;
            this.matchers = matchers;
            this.main = matchers.of(head != null ? head : pattern, file, false);
            this.whole = head != null ? matchers.of(fallback, file, false) : null;
        }

        /** A match that starts at {@code at}, within {@code [at, end)}. */
        boolean lookingAt(int at, int end) {
            main.region(at, end);
            if (!main.lookingAt()) {
                return false;
            }
            if (whole == null || lookahead.holds(file.text(), main)) {
                match = main;
                return true;
            }
            whole.region(at, end);
            match = whole;
            return whole.lookingAt();
        }

        /** The first match that starts at or after {@code from}, within {@code [from, end)}. */
        boolean find(int from, int end) {
            while (true) {
                main.region(from, end);
                if (!main.find()) {
                    return false;
                }
                if (whole == null || lookahead.holds(file.text(), main)) {
                    match = main;
                    return true;
                }
                int at = main.start();
                whole.region(at, end);
                if (whole.lookingAt()) {
                    match = whole;
                    return true;
                }
                if (at >= end) {
                    return false;
                }
                from = at + 1;
            }
        }
    }

    /** Adds the finding of a match unless its windows say otherwise; false at the end of the text. */
    private boolean record(TextFile f, Matcher m, Matchers ms, List<Diagnostic> out) {
        int at = hasAt && m.start("at") >= 0 ? m.start("at") : m.start();
        int line = f.lineOf(at);
        if (required != null && found(f, ms.of(required, f, true), rule.required(), line)) {
            return true;
        }
        if (forbidden != null && !found(f, ms.of(forbidden, f, true), rule.forbidden(), line)) {
            return true;
        }
        out.add(new Diagnostic(rule.id(), severity, f.path(), line, f.columnOf(at), message(m), null, null));
        return !(m.end() == m.start() && m.end() >= f.text().length());
    }

    /** Whether {@code p} occurs in the window of {@code line} (or anywhere, for a file window). */
    public static boolean found(TextFile f, Pattern p, Window w, int line) {
        return found(f, p.matcher(f.text()), w, line);
    }

    private static boolean found(TextFile f, Matcher m, Window w, int line) {
        if (w.file()) {
            m.region(0, f.text().length());
        } else {
            m.region(f.lineStart(line - w.before()), f.lineEnd(line + w.after()));
        }
        return m.find();
    }

    /** The message with {@code $1} and {@code ${name}} replaced by the match's groups. */
    private String message(Matcher m) {
        if (message.size() == 1 && message.getFirst() instanceof String s) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        for (Object piece : message) {
            String value = switch (piece) {
                case Integer g -> m.group(g);
                case Group g -> m.group(g.name());
                default -> (String) piece;
            };
            if (value != null) {
                out.append(value);
            }
        }
        return out.toString();
    }

    private record Group(String name) {
    }

    /** The message cut at its group references; a reference to no group of the pattern stays as written. */
    private static List<Object> messagePieces(String msg, Pattern p) {
        List<Object> pieces = new ArrayList<>();
        Matcher r = GROUP_REFERENCE.matcher(msg);
        int last = 0;
        int groups = p.matcher("").groupCount();
        while (r.find()) {
            Object ref = null;
            if (r.group(1) != null && Integer.parseInt(r.group(1)) <= groups) {
                ref = Integer.parseInt(r.group(1));
            } else if (r.group(2) != null && p.namedGroups().containsKey(r.group(2))) {
                ref = new Group(r.group(2));
            }
            if (ref != null) {
                pieces.add(msg.substring(last, r.start()));
                pieces.add(ref);
                last = r.end();
            }
        }
        pieces.add(msg.substring(last));
        pieces.removeIf(x -> x instanceof String s && s.isEmpty());
        return pieces.isEmpty() ? List.of("") : List.copyOf(pieces);
    }

    private static Pattern compile(Window w, int flags) {
        return w == null ? null : Pattern.compile(w.regex(), flags);
    }

    /** A short stable hash: rule, file and the offending line's trimmed text. */
    static String fingerprint(String ruleId, String file, String lineText) {
        MessageDigest d = SHA256.get();
        d.update((ruleId + "\0" + file + "\0" + lineText.strip()).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest(), 0, 8);
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    });
}
