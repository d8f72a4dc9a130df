package org.oasm.substrate.expand;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pathname expansion: {@code *}, {@code ?} and {@code [...]} matched segment by segment against the
 * file system, hidden names only when the pattern segment starts with a dot, results in byte
 * order (the C locale's collation). A backslash in the pattern makes the next character literal.
 */
public final class Glob {

    private Glob() {
    }

    /** Expands a pattern relative to {@code cwd}; an empty list when nothing matches. */
    public static List<String> expand(String pattern, Path cwd) {
        List<String> segments = splitSegments(pattern);
        boolean absolute = pattern.startsWith("/");
        List<String> results = new ArrayList<>();
        results.add(absolute ? "/" : "");
        for (int s = 0; s < segments.size(); s++) {
            String seg = segments.get(s);
            boolean last = s == segments.size() - 1;
            List<String> next = new ArrayList<>();
            if (seg.isEmpty()) {
                continue;
            }
            if (!hasMeta(seg)) {
                String lit = unescape(seg);
                for (String prefix : results) {
                    String cand = join(prefix, lit);
                    if (last ? Files.exists(resolve(cwd, cand)) || Files.isSymbolicLink(resolve(cwd, cand))
                            : Files.isDirectory(resolve(cwd, cand))) {
                        next.add(cand);
                    }
                }
            } else {
                Pattern re = toRegex(seg);
                boolean dotOk = seg.startsWith(".") || seg.startsWith("\\.");
                for (String prefix : results) {
                    Path dir = resolve(cwd, prefix.isEmpty() ? "." : prefix);
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    List<String> names = new ArrayList<>();
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                        for (Path p : ds) {
                            String name = p.getFileName().toString();
                            if (name.startsWith(".") && !dotOk) {
                                continue;
                            }
                            if (re.matcher(name).matches() && (last || Files.isDirectory(p))) {
                                names.add(name);
                            }
                        }
                    } catch (IOException e) {
                        continue;
                    }
                    names.sort(Glob::compareBytes);
                    for (String n : names) {
                        next.add(join(prefix, n));
                    }
                }
            }
            results = next;
            if (results.isEmpty()) {
                return List.of();
            }
        }
        if (pattern.endsWith("/")) {
            results.replaceAll(r -> r.endsWith("/") ? r : r + "/");
        }
        return results;
    }

    /** Whether a word (after quote handling) contains an unescaped glob character. */
    public static boolean hasMeta(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** Compares names the way {@code LC_COLLATE=C} sorts them: by UTF-8 bytes, i.e. code points. */
    public static int compareBytes(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static Path resolve(Path cwd, String p) {
        return p.isEmpty() ? cwd : cwd.resolve(p);
    }

    private static String join(String prefix, String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        return prefix.endsWith("/") ? prefix + name : prefix + "/" + name;
    }

    private static List<String> splitSegments(String pattern) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                cur.append(c).append(pattern.charAt(++i));
            } else if (c == '/') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Translates one segment to a regex; also used by {@code case}-like matching elsewhere. */
    public static Pattern toRegex(String seg) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 < seg.length()) {
                        re.append(Pattern.quote(String.valueOf(seg.charAt(++i))));
                    } else {
                        re.append("\\\\");
                    }
                }
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int close = classEnd(seg, i);
                    if (close < 0) {
                        re.append("\\[");
                    } else {
                        re.append(charClass(seg.substring(i + 1, close)));
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static int classEnd(String seg, int open) {
        int i = open + 1;
        if (i < seg.length() && (seg.charAt(i) == '!' || seg.charAt(i) == '^')) {
            i++;
        }
        if (i < seg.length() && seg.charAt(i) == ']') {
            i++;
        }
        while (i < seg.length() && seg.charAt(i) != ']') {
            if (seg.startsWith("[:", i)) {
                int end = seg.indexOf(":]", i + 2);
                if (end > 0) {
                    i = end + 2;
                    continue;
                }
            }
            i++;
        }
        return i < seg.length() ? i : -1;
    }

    private static String charClass(String body) {
        StringBuilder sb = new StringBuilder("[");
        int i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            sb.append('^');
            i = 1;
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '[' && body.startsWith("[:", i)) {
                int end = body.indexOf(":]", i + 2);
                if (end > 0) {
                    sb.append(posixClass(body.substring(i + 2, end)));
                    i = end + 1;
                    continue;
                }
            }
            if (c == '-' && i > 0 && i < body.length() - 1) {
                char from = body.charAt(i - 1);
                char to = body.charAt(i + 1);
                if (to < from) {
                    // a reversed range matches nothing, as in bash; the regex would not compile
                    sb.setLength(sb.length() - (Character.isLetterOrDigit(from) ? 1 : 2));
                    i++;
                    continue;
                }
                sb.append('-');
            } else if (c == '\\' && i + 1 < body.length()) {
                sb.append('\\').append(body.charAt(++i));
            } else if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else {
                sb.append('\\').append(c);
            }
        }
        if (sb.length() == 1) {
            return "(?!)";
        }
        if (sb.toString().equals("[^")) {
            return ".";
        }
        return sb.append(']').toString();
    }

    private static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "\\p{Digit}";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s";
            case "punct" -> "\\p{Punct}";
            case "xdigit" -> "\\p{XDigit}";
            default -> "";
        };
    }
}
