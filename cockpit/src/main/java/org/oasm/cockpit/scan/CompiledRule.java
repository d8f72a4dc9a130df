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
        if (literal != null && f.text().indexOf(literal) < 0) {
            return;
        }
        Matcher m = pattern.matcher(f.text());
        while (m.find()) {
            int at = hasAt && m.start("at") >= 0 ? m.start("at") : m.start();
            int line = f.lineOf(at);
            if (required != null && found(f, required, rule.required(), line)) {
                continue;
            }
            if (forbidden != null && !found(f, forbidden, rule.forbidden(), line)) {
                continue;
            }
            out.add(new Diagnostic(rule.id(), severity, f.path(), line, f.columnOf(at), message(m), null, null));
            if (m.end() == m.start() && m.end() >= f.text().length()) {
                break;
            }
        }
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
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((ruleId + "\0" + file + "\0" + lineText.strip()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
