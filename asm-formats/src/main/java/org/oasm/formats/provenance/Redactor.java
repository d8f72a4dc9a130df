package org.oasm.formats.provenance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of records. Every command line, context value and lineage command goes
 * through here before it is written; the rules are listed in docs/LOGGING_GUIDE.md and each has
 * a test. Redaction errs on the side of hiding: a variable called KEYBOARD loses its value too.
 */
public final class Redactor {

    /** What a secret is replaced with. */
    public static final String REDACTED = "[REDACTED]";

    /** Names whose values are secret: *TOKEN*, *SECRET*, *PASSWORD*, *PASSWD*, *PASSPHRASE*, *KEY*, *CREDENTIAL*. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(token|secret|password|passwd|passphrase|key|credential).*");

    /** A shell word: single-quoted, double-quoted, or up to the next blank or operator. */
    private static final String VALUE = "('[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s;|&]+)";

    /**
     * A rule, with the lower-case literals one of which any match must contain: a line without
     * them is never scanned by the rule's regex, which keeps redaction cheap on ordinary lines.
     */
    private record Rule(Pattern pattern, String replacement, List<String> triggers) {
        Rule(Pattern pattern, String replacement, String... triggers) {
            this(pattern, replacement, List.of(triggers));
        }

        boolean mayMatch(String lower) {
            for (String t : triggers) {
                if (lower.contains(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Words in a name or option that make its value secret, for the cheap pre-check. */
    private static final List<String> SECRET_WORDS =
            List.of("token", "secret", "passw", "passphrase", "key", "credential");


    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![\\w$-])([A-Za-z_][A-Za-z0-9_]*)=" + VALUE);
    private static final Pattern LONG_OPTION = Pattern.compile(
            "(?<=\\s|^)(--?[A-Za-z0-9-]*(?i:password|passwd|passphrase|token|secret|key|credential)[A-Za-z0-9-]*)(=|\\s+)"
            + VALUE);

    private static final List<Rule> RULES = List.of(
            // URLs with a password: scheme://user:password@host
            new Rule(Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]+):([^@\\s/]+)@"), "$1:" + REDACTED + "@", "://"),
            // HTTP authorization headers and bare bearer tokens
            new Rule(Pattern.compile("(?i)(authorization:\\s*(?:bearer|basic|token|digest)\\s+)[^\\s'\"]+"), "$1" + REDACTED, "authorization"),
            new Rule(Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+"), "$1" + REDACTED, "bearer"),
            // user:password after -u / --user (curl, wget)
            new Rule(Pattern.compile("(\\s(?:-u|--user)(?:\\s+|=)['\"]?[^\\s:'\"]+):([^\\s'\"]+)"), "$1:" + REDACTED, "-u"),
            // mysql -pSECRET (attached only: a detached -p prompts) and sshpass -p SECRET
            new Rule(Pattern.compile("(\\b(?:mysql|mysqldump|mysqladmin|mariadb)\\b[^|;&]*?\\s-p)([^\\s|;&]+)"), "$1" + REDACTED, "mysql", "mariadb"),
            new Rule(Pattern.compile("(\\bsshpass\\b[^|;&]*?\\s-p\\s*)([^\\s|;&]+)"), "$1" + REDACTED, "sshpass"),
            // recognizable credentials anywhere
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), REDACTED, "akia", "asia"),
            new Rule(Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{30,}\\b"), REDACTED, "gh"),
            new Rule(Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{20,}\\b"), REDACTED, "github_pat_"),
            new Rule(Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}\\b"), REDACTED, "xox"),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+"), REDACTED, "eyj"),
            new Rule(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)"), REDACTED, "private key"));

    /**
     * Texts redacted lately. A command is redacted four times over (its line and its stage, each
     * when it starts and when it ends), and the rules are fourteen regular expressions, so
     * remembering the answers takes most of the cost out of recording a command.
     */
    private static final Map<String, String> RECENT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int RECENT_LIMIT = 256;

    private Redactor() {
    }

    /** True when a variable or option of this name holds a secret. */
    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** The text with every recognized secret replaced by {@value #REDACTED}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String known = RECENT.get(text);
        if (known != null) {
            return known;
        }
        String result = redactAll(text);
        if (RECENT.size() >= RECENT_LIMIT) {
            RECENT.clear();
        }
        RECENT.put(text, result);
        return result;
    }

    private static String redactAll(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        boolean secretWord = SECRET_WORDS.stream().anyMatch(lower::contains);
        String result = text;
        if (secretWord && text.indexOf('=') >= 0) {
            result = replaceValues(result, ASSIGNMENT, 1, "=");
        }
        if (secretWord && text.indexOf('-') >= 0) {
            result = replaceOptionValues(result);
        }
        for (Rule rule : RULES) {
            if (rule.mayMatch(lower)) {
                result = rule.pattern().matcher(result).replaceAll(rule.replacement());
            }
        }
        return result;
    }

    /** The value of a variable: all of it when the name is secret, else its recognized secrets. */
    public static String redactValue(String name, String value) {
        return isSecretName(name) ? REDACTED : redact(value);
    }

    /** A copy of a map of names to values with {@link #redactValue} applied to each. */
    public static Map<String, String> redactContext(Map<String, String> context) {
        Map<String, String> result = new LinkedHashMap<>();
        context.forEach((name, value) -> result.put(name, redactValue(name, value)));
        return result;
    }

    private static String replaceValues(String text, Pattern pattern, int nameGroup, String separator) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(nameGroup);
            String replacement = isSecretName(name) ? name + separator + REDACTED : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /** --api-token=x and --password x, but not --key-file path or --token-path path. */
    private static String replaceOptionValues(String text) {
        Matcher m = LONG_OPTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String option = m.group(1);
            boolean refersToFile = option.matches("(?i).*-(file|path|dir|id)$");
            String replacement = refersToFile ? m.group() : option + m.group(2) + REDACTED;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }
}
