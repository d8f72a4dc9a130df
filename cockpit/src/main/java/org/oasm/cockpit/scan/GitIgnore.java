package org.oasm.cockpit.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The patterns of one {@code .gitignore} file, with git's rules: blank lines and {@code #}
 * comments are skipped, {@code !} re-includes, a trailing {@code /} matches directories only, a
 * pattern with a {@code /} before its end is anchored to the file's folder (otherwise it matches
 * a name at any depth), {@code **} spans folders, and the last matching pattern decides. A scan
 * keeps one per folder; a deeper file is asked first.
 */
public final class GitIgnore {

    private record Rule(Pattern pattern, boolean negated, boolean dirOnly) {
    }

    private final List<Rule> rules;

    private GitIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The patterns of {@code file}; none when it cannot be read. */
    public static GitIgnore read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new GitIgnore(List.of());
        }
    }

    public static GitIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            if (negated) {
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean dirOnly = line.endsWith("/");
            if (dirOnly) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            String body = Glob.toRegex(line);
            rules.add(new Rule(Pattern.compile(anchored ? body : "(?:.*/)?" + body), negated, dirOnly));
        }
        return new GitIgnore(rules);
    }

    /**
     * What this file says about a path relative to its folder: true ignored, false re-included,
     * null nothing.
     */
    public Boolean decide(String relativePath, boolean directory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (r.dirOnly() && !directory) {
                continue;
            }
            if (r.pattern().matcher(relativePath).matches()) {
                return !r.negated();
            }
        }
        return null;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ' && !(end >= 2 && s.charAt(end - 2) == '\\')) {
            end--;
        }
        String t = s.substring(0, end);
        return t.endsWith("\\ ") ? t.substring(0, t.length() - 2) + " " : t;
    }
}
