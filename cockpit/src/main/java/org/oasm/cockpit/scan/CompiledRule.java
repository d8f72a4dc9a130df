package org.oasm.cockpit.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oasm.cockpit.rules.ResolvedRule;
import org.oasm.cockpit.rules.Severity;
import org.oasm.cockpit.rules.Window;

/**
 * A resolved rule ready to run over files: its patterns compiled once (multi-line mode), its path
 * filters as globs. A match is a finding unless the rule's required pattern is near it, or, for a
 * rule with a forbidden pattern, only when that pattern is near it.
 */
public final class CompiledRule {

    /** Where every match of the pattern starts: anywhere, at a line start ({@code ^}), at the text's start ({@code \A}). */
    private enum Anchor { NONE, LINE, TEXT }

    /** A pattern that starts {@code ^.{N}} matches only lines longer than N. */
    private static final Pattern LONG_LINE = Pattern.compile("\\^\\.\\{(\\d+)\\}");

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$(\\d)|\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    private final ResolvedRule rule;
    private final Pattern pattern;
    private final boolean hasAt;
    private final Pattern required;
    private final Pattern forbidden;
    private final List<Glob> include;
    private final List<Glob> exclude;
    private final Severity severity;
    private final String literal;
    private final boolean lineLocal;
    private final Anchor anchor;
    private final int minLineLength;

    public CompiledRule(ResolvedRule rule) {
        this.rule = rule;
        int flags = Pattern.MULTILINE | (rule.definition().ignoreCase() ? Pattern.CASE_INSENSITIVE : 0);
        this.pattern = Pattern.compile(rule.regex(), flags);
        this.hasAt = pattern.namedGroups().containsKey("at");
        this.required = compile(rule.required(), flags);
        this.forbidden = compile(rule.forbidden(), flags);
        this.include = Glob.all(rule.definition().include());
        this.exclude = Glob.all(rule.definition().exclude());
        this.severity = rule.effectiveSeverity();
        this.literal = rule.definition().ignoreCase() ? null : Literal.required(rule.regex());
        this.lineLocal = literal != null && Literal.startsOnItsLine(rule.regex(), literal);
        boolean single = !Literal.topLevelAlternation(rule.regex());
        this.anchor = single && rule.regex().startsWith("\\A") ? Anchor.TEXT
                : single && rule.regex().startsWith("^") ? Anchor.LINE : Anchor.NONE;
        Matcher longLine = LONG_LINE.matcher(rule.regex());
        this.minLineLength = longLine.lookingAt() ? Integer.parseInt(longLine.group(1)) + 1 : 0;
    }

    public ResolvedRule rule() {
        return rule;
    }

    /** Whether the rule's include and exclude globs let it look at this path. */
    public boolean appliesToPath(String path) {
        return (include.isEmpty() || Glob.any(include, path)) && !Glob.any(exclude, path);
    }

    /** The findings in one file, in order of position (without fingerprints). */
    public void apply(TextFile f, List<Diagnostic> out) {
        String text = f.text();
        int first = literal == null ? 0 : text.indexOf(literal);
        if (first < 0 || (minLineLength > 0 && f.maxLineLength() < minLineLength)) {
            return;
        }
        Matcher m = pattern.matcher(text).useAnchoringBounds(false).useTransparentBounds(true);
        if (anchor == Anchor.TEXT) {
            if (m.lookingAt()) {
                record(f, m, out);
            }
            return;
        }
        if (anchor == Anchor.LINE && !lineLocal) {
            // one attempt per line instead of one per character
            int done = 0;
            for (int line = 1; line <= f.lineCount(); line++) {
                int start = f.lineStart(line);
                if (start < done) {
                    continue;
                }
                m.region(start, text.length());
                if (m.lookingAt()) {
                    record(f, m, out);
                    done = Math.max(m.end(), start + 1);
                }
            }
            return;
        }
        if (!lineLocal) {
            while (m.find()) {
                if (!record(f, m, out)) {
                    break;
                }
            }
            return;
        }
        // every match starts on a line that holds the literal: search from those lines only, with
        // bounds that let ^, \b and look-behinds see the text before the region as it is
        int done = 0;
        for (int k = first; k >= 0; k = text.indexOf(literal, Math.max(k + 1, done))) {
            int line = f.lineOf(k);
            int from = Math.max(f.lineStart(line), done);
            int lineEnd = f.lineEnd(line);
            m.region(from, text.length());
            while (m.find() && m.start() < lineEnd) {
                done = Math.max(m.end(), m.start() + 1);
                record(f, m, out);
                if (done > text.length()) {
                    return;
                }
                m.region(done, text.length());
            }
            done = Math.max(done, lineEnd);
        }
    }

    /** Adds the finding of a match unless its windows say otherwise; false at the end of the text. */
    private boolean record(TextFile f, Matcher m, List<Diagnostic> out) {
        int at = hasAt && m.start("at") >= 0 ? m.start("at") : m.start();
        int line = f.lineOf(at);
        if (required != null && found(f, required, rule.required(), line)) {
            return true;
        }
        if (forbidden != null && !found(f, forbidden, rule.forbidden(), line)) {
            return true;
        }
        out.add(new Diagnostic(rule.id(), severity, f.path(), line, f.columnOf(at), message(m), null, null));
        return !(m.end() == m.start() && m.end() >= f.text().length());
    }

    /** Whether {@code p} occurs in the window of {@code line} (or anywhere, for a file window). */
    public static boolean found(TextFile f, Pattern p, Window w, int line) {
        Matcher m = p.matcher(f.text());
        if (!w.file()) {
            m.region(f.lineStart(line - w.before()), f.lineEnd(line + w.after()));
        }
        return m.find();
    }

    /** The message with {@code $1} and {@code ${name}} replaced by the match's groups. */
    private String message(Matcher m) {
        String msg = rule.message();
        if (msg.indexOf('$') < 0) {
            return msg;
        }
        Matcher r = GROUP_REFERENCE.matcher(msg);
        StringBuilder out = new StringBuilder();
        while (r.find()) {
            String value = null;
            try {
                value = r.group(1) != null ? m.group(Integer.parseInt(r.group(1))) : m.group(r.group(2));
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                value = r.group();
            }
            r.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        r.appendTail(out);
        return out.toString();
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
