package org.oasm.substrate.differential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the differential cases. The format keeps adding a case to adding a line:
 * <pre>
 * ## a comment (lines starting with "##"); blank lines are ignored
 * echo one case per line
 * &#64;stdin two\nlines\n          stdin of the next case (\n and \t escapes)
 * &#64;args a 'b c'                    its $1, $2, ... (shell words, single quotes only)
 * &#64;stderr-differs REASON           compare stdout, status and files, not stderr
 * &lt;&lt;&lt;
 * a case of several lines
 * sits between these markers
 * &gt;&gt;&gt;
 * </pre>
 */
public final class CaseFile {

    private CaseFile() {
    }

    public static List<DiffCase> load(String resource) {
        try (InputStream in = CaseFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DiffCase> parse(String text) {
        List<DiffCase> cases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String stdin = null;
        List<String> args = List.of();
        String stderrDiffers = null;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.startsWith("##")) {
                continue;
            }
            if (l.startsWith("@stdin ")) {
                stdin = unescape(l.substring(7));
                continue;
            }
            if (l.startsWith("@args ")) {
                args = words(l.substring(6));
                continue;
            }
            if (l.startsWith("@stderr-differs ")) {
                stderrDiffers = l.substring(16).strip();
                continue;
            }
            if (l.startsWith("@")) {
                throw new IllegalArgumentException("line " + (i + 1) + ": unknown directive " + l);
            }
            int start = i + 1;
            String source;
            if (l.equals("<<<")) {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].equals(">>>")) {
                    sb.append(lines[i]).append('\n');
                    i++;
                }
                if (i >= lines.length) {
                    throw new IllegalArgumentException("line " + start + ": <<< without >>>");
                }
                source = sb.substring(0, sb.length() - 1);
            } else {
                source = l;
            }
            cases.add(new DiffCase(source, stdin, args, stderrDiffers, start));
            stdin = null;
            args = List.of();
            stderrDiffers = null;
        }
        return cases;
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\t", "\t");
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return Arrays.asList(out.toArray(String[]::new));
    }
}
