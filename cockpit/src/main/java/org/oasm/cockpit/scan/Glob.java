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
    /** For {@code **}{@code /NAME} where NAME has no wildcard but {@code *}: NAME's pieces around its stars. */
    private final String[] lastSegment;
    /** For {@code **}{@code /NAME/**} where NAME has no wildcard: NAME. */
    private final String folder;

    private Glob(String text, String body) {
        this.text = text;
        this.pattern = Pattern.compile(toRegex(body));
        String rest = body.startsWith("**/") ? body.substring(3) : null;
        boolean plain = rest != null && rest.chars().noneMatch(c -> c == '?' || c == '[' || c == '\\');
        this.lastSegment = plain && rest.indexOf('/') < 0 && !rest.contains("**") ? rest.split("\\*", -1) : null;
        this.folder = plain && rest.endsWith("/**") && rest.indexOf('/') == rest.length() - 3
                && rest.indexOf('*') == rest.length() - 2 && rest.length() > 3 ? rest.substring(0, rest.length() - 3) : null;
    }

    public static Glob of(String glob) {
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        return new Glob(glob, g.startsWith("/") ? g.substring(1) : g);
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

    /**
     * Whether the glob matches the path. The two shapes rules mostly use ({@code **}{@code /*.py},
     * {@code **}{@code /target/**}) are matched without the regular expression, which a scan would
     * otherwise run for every file and rule.
     */
    public boolean matches(String relativePath) {
        if (lastSegment != null) {
            return segmentMatches(relativePath, relativePath.lastIndexOf('/') + 1);
        }
        if (folder != null) {
            return relativePath.startsWith(folder) && relativePath.length() > folder.length()
                    && relativePath.charAt(folder.length()) == '/' || relativePath.contains("/" + folder + "/");
        }
        return pattern.matcher(relativePath).matches();
    }

    /** Whether {@code path[from, end)} is the pieces of {@link #lastSegment} with any text (no /) between. */
    private boolean segmentMatches(String path, int from) {
        String[] pieces = lastSegment;
        int end = path.length();
        if (pieces.length == 1) {
            return end - from == pieces[0].length() && path.startsWith(pieces[0], from);
        }
        String first = pieces[0];
        String last = pieces[pieces.length - 1];
        if (end - from < first.length() + last.length() || !path.startsWith(first, from) || !path.endsWith(last)) {
            return false;
        }
        int at = from + first.length();
        int limit = end - last.length();
        for (int i = 1; i < pieces.length - 1; i++) {
            int found = path.indexOf(pieces[i], at);
            if (found < 0 || found + pieces[i].length() > limit) {
                return false;
            }
            at = found + pieces[i].length();
        }
        return true;
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
