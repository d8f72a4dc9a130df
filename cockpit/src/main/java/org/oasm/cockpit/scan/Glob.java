package org.oasm.cockpit.scan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A glob over {@code /}-separated relative paths, as command blocks and rules write them:
 * {@code *} and {@code ?} stay within one path segment, {@code [abc]} is a class ({@code [!a]}
 * negated), {@code **} as a whole segment spans any number of segments, none included
 * ({@code src/**}{@code /*.rs} matches {@code src/a.rs} and {@code src/x/y/b.rs}). A glob matches
 * the whole path from the top of the tree: {@code Cargo.toml} is the top folder's file, and
 * {@code **}{@code /*.rs} is every Rust file (a leading {@code ./} or {@code /} is ignored).
 */
public final class Glob {

    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    public static Glob of(String glob) {
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        return new Glob(glob, Pattern.compile(toRegex(g.startsWith("/") ? g.substring(1) : g)));
    }

    /** Whether any of {@code globs} matches {@code path}. */
    public static boolean any(List<Glob> globs, String path) {
        for (Glob g : globs) {
            if (g.matches(path)) {
                return true;
            }
        }
        return false;
    }

    public static List<Glob> all(List<String> globs) {
        return globs.stream().map(Glob::of).toList();
    }

    public boolean matches(String relativePath) {
        return pattern.matcher(relativePath).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    /** The regex of a glob body: {@code **}{@code /} spans directories, {@code *} stays in a segment. */
    static String toRegex(String g) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            if (c == '*' && g.startsWith("**", i) && (i == 0 || g.charAt(i - 1) == '/')) {
                boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
                if (slash) {
                    re.append("(?:.*/)?");
                    i += 3;
                } else if (i + 2 == g.length()) {
                    re.append(".*");
                    i += 2;
                } else {
                    re.append("[^/]*");
                    i += 2;
                }
                continue;
            }
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = g.indexOf(']', i + 2);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String cls = g.substring(i + 1, end);
                        if (cls.startsWith("!")) {
                            cls = "^" + cls.substring(1);
                        }
                        re.append('[').append(cls.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                        i = end;
                    }
                }
                case '\\' -> {
                    if (i + 1 < g.length()) {
                        re.append(Pattern.quote(String.valueOf(g.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return re.toString();
    }
}
