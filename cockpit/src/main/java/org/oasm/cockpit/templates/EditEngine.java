package org.oasm.cockpit.templates;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oasm.cockpit.bundle.AtomicWrite;
import org.oasm.cockpit.scan.CompiledRule;
import org.oasm.cockpit.scan.FileWalk;
import org.oasm.cockpit.scan.Glob;
import org.oasm.cockpit.scan.TextFile;
import org.oasm.cockpit.templates.CommandBlock.Edit;

/**
 * Runs an edit step over the files of a working copy: regex (or literal) replacement, text
 * inserted as lines before the line where a match starts or after the line where it ends,
 * deletion of matching lines, or sorting of each run of matching lines. Patterns are Java regular expressions in multi-line mode; inserted
 * text and replacements may use the match's groups ({@code $1}, {@code ${name}}) and the block's
 * parameters ({@code ${param}}, taken literally). A match whose {@code unless} pattern occurs
 * around it is left alone, so that running a block twice changes nothing the second time. Files
 * that are not UTF-8 text are skipped; line endings ({@code \n} or {@code \r\n}) are kept.
 */
public final class EditEngine {

    private static final Pattern GROUP = Pattern.compile("\\$(\\d)|\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    /** What an edit did: files it looked at, files it changed, and how many places it changed. */
    public record Result(int filesSelected, int filesChanged, int edits) {
    }

    private EditEngine() {
    }

    public static Result apply(Edit edit, Path dir, Params params) {
        List<Glob> files = Glob.all(edit.files().stream().map(g -> params.expand(g, Params.Into.TEXT)).toList());
        List<Glob> exclude = Glob.all(edit.exclude());
        Pattern containing = edit.containing() == null ? null
                : Pattern.compile(params.expand(edit.containing(), Params.Into.REGEX), Pattern.MULTILINE);
        int selected = 0;
        int changed = 0;
        int edits = 0;
        for (FileWalk.Item item : FileWalk.files(dir, java.util.Set.of())) {
            if (!Glob.any(files, item.path()) || Glob.any(exclude, item.path())) {
                continue;
            }
            String text = readText(item.file());
            if (text == null || (containing != null && !containing.matcher(text).find())) {
                continue;
            }
            selected++;
            int[] count = new int[1];
            String after = transform(edit, new TextFile(item.path(), text), params, count);
            if (!after.equals(text)) {
                AtomicWrite.write(item.file(), after.getBytes(StandardCharsets.UTF_8), false);
                changed++;
                edits += count[0];
            }
        }
        return new Result(selected, changed, edits);
    }

    /** The text after the edit; {@code count[0]} receives the number of places changed. */
    static String transform(Edit edit, TextFile f, Params params, int[] count) {
        Pattern unless = edit.unless() == null ? null
                : Pattern.compile(params.expand(edit.unless().regex(), Params.Into.REGEX), Pattern.MULTILINE);
        return switch (edit.op()) {
            case CommandBlock.Replace r -> replace(r, f, params, unless, edit, count);
            case CommandBlock.InsertBefore ib -> insert(ib.regex(), ib.text(), true, f, params, unless, edit, count);
            case CommandBlock.InsertAfter ia -> insert(ia.regex(), ia.text(), false, f, params, unless, edit, count);
            case CommandBlock.DeleteLines d -> delete(d.regex(), f, params, unless, edit, count);
            case CommandBlock.SortLines s -> sort(s, f, params, count);
        };
    }

    private static String replace(CommandBlock.Replace r, TextFile f, Params params, Pattern unless, Edit edit, int[] count) {
        Pattern p = r.regex() ? Pattern.compile(params.expand(r.find(), Params.Into.REGEX), Pattern.MULTILINE)
                : Pattern.compile(Pattern.quote(params.expand(r.find(), Params.Into.TEXT)));
        String replacement = r.regex() ? params.expand(r.replacement(), Params.Into.REPLACEMENT)
                : Matcher.quoteReplacement(params.expand(r.replacement(), Params.Into.TEXT));
        Matcher m = p.matcher(f.text());
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (m.find() && (r.maxCount() == null || n < r.maxCount())) {
            if (unless != null && CompiledRule.found(f, unless, edit.unless(), f.lineOf(m.start()))) {
                continue;
            }
            try {
                m.appendReplacement(out, replacement);
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new StepException("the replacement '" + r.replacement() + "' refers to a group the pattern lacks: " + e.getMessage());
            }
            n++;
        }
        m.appendTail(out);
        count[0] = n;
        return out.toString();
    }

    private static String insert(String regex, String template, boolean before, TextFile f, Params params, Pattern unless,
            Edit edit, int[] count) {
        Matcher m = Pattern.compile(params.expand(regex, Params.Into.REGEX), Pattern.MULTILINE).matcher(f.text());
        Map<Integer, String> inserts = new TreeMap<>();
        while (m.find()) {
            int line = f.lineOf(before ? m.start() : Math.max(m.start(), m.end() - 1));
            if (inserts.containsKey(line) || (unless != null && CompiledRule.found(f, unless, edit.unless(), line))) {
                continue;
            }
            inserts.put(line, params.expand(groups(template, m), Params.Into.TEXT));
            if (m.end() == m.start() && m.end() >= f.text().length()) {
                break;
            }
        }
        if (inserts.isEmpty()) {
            return f.text();
        }
        count[0] = inserts.size();
        StringBuilder out = new StringBuilder(f.text().length() + 64 * inserts.size());
        for (int line = 1; line <= f.lineCount(); line++) {
            String raw = f.text().substring(f.lineStart(line), f.lineEnd(line));
            String eol = raw.endsWith("\r\n") ? "\r\n" : "\n";
            String added = inserts.get(line);
            if (added != null && before) {
                out.append(added.replace("\n", eol)).append(eol);
            }
            out.append(raw);
            if (added != null && !before) {
                if (!raw.endsWith("\n")) {
                    out.append(eol);
                }
                out.append(added.replace("\n", eol)).append(raw.endsWith("\n") ? eol : "");
            }
        }
        return out.toString();
    }

    private static String delete(String regex, TextFile f, Params params, Pattern unless, Edit edit, int[] count) {
        Matcher m = Pattern.compile(params.expand(regex, Params.Into.REGEX), Pattern.MULTILINE).matcher(f.text());
        java.util.Set<Integer> gone = new java.util.TreeSet<>();
        while (m.find()) {
            int line = f.lineOf(m.start());
            if (unless == null || !CompiledRule.found(f, unless, edit.unless(), line)) {
                gone.add(line);
            }
            if (m.end() == m.start() && m.end() >= f.text().length()) {
                break;
            }
        }
        count[0] = gone.size();
        StringBuilder out = new StringBuilder(f.text().length());
        for (int line = 1; line <= f.lineCount(); line++) {
            if (!gone.contains(line)) {
                out.append(f.text(), f.lineStart(line), f.lineEnd(line));
            }
        }
        return out.toString();
    }

    private static String sort(CommandBlock.SortLines s, TextFile f, Params params, int[] count) {
        Pattern p = Pattern.compile(params.expand(s.regex(), Params.Into.REGEX));
        StringBuilder out = new StringBuilder(f.text().length());
        List<String> run = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        for (int line = 1; line <= f.lineCount() + 1; line++) {
            String body = line <= f.lineCount() ? f.line(line) : null;
            if (body != null && p.matcher(body).find()) {
                String raw = f.text().substring(f.lineStart(line), f.lineEnd(line));
                run.add(body);
                ends.add(raw.substring(body.length()));
                continue;
            }
            if (!run.isEmpty()) {
                List<String> sorted = new ArrayList<>(s.unique() ? new java.util.TreeSet<>(run) : run);
                if (!s.unique()) {
                    sorted.sort(null);
                }
                if (!sorted.equals(run)) {
                    count[0]++;
                }
                for (int i = 0; i < sorted.size(); i++) {
                    out.append(sorted.get(i)).append(ends.get(i).isEmpty() && i < sorted.size() - 1 ? "\n" : ends.get(i));
                }
                run.clear();
                ends.clear();
            }
            if (body != null) {
                out.append(f.text(), f.lineStart(line), f.lineEnd(line));
            }
        }
        return out.toString();
    }

    /** The template with {@code $1} and {@code ${name}} (names of groups of the match) replaced. */
    private static String groups(String template, Matcher m) {
        if (template.indexOf('$') < 0) {
            return template;
        }
        Map<String, Integer> named = new LinkedHashMap<>(m.pattern().namedGroups());
        Matcher g = GROUP.matcher(template);
        StringBuilder out = new StringBuilder();
        while (g.find()) {
            String v;
            if (g.group(1) != null) {
                int i = Integer.parseInt(g.group(1));
                v = i <= m.groupCount() ? m.group(i) : g.group();
            } else {
                v = named.containsKey(g.group(2)) ? m.group(g.group(2)) : g.group();
            }
            g.appendReplacement(out, Matcher.quoteReplacement(v == null ? "" : v));
        }
        g.appendTail(out);
        return out.toString();
    }

    /** The file as UTF-8 text, or null when it is binary or not UTF-8. */
    static String readText(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0, n = Math.min(bytes.length, 8192); i < n; i++) {
                if (bytes[i] == 0) {
                    return null;
                }
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
