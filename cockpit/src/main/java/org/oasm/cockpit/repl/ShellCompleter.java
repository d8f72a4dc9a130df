package org.oasm.cockpit.repl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.oasm.cockpit.command.CommandCatalog;
import org.oasm.substrate.Shell;

/**
 * Tab completion: in command position, builtins, aliases and programs on PATH; after {@code oasm},
 * its subcommands and then the options of the chosen one; elsewhere, file paths relative to the
 * shell's working directory.
 */
final class ShellCompleter implements Completer {

    private final Shell shell;
    private final CommandCatalog catalog;
    private String cachedPath;
    private Set<String> cachedPrograms = Set.of();

    ShellCompleter(Shell shell, CommandCatalog catalog) {
        this.shell = shell;
        this.catalog = catalog;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = commandWords(line);
        String current = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (words.isEmpty()) {
            if (current.contains("/")) {
                files(current, candidates, true);
            } else {
                commands(candidates);
            }
            return;
        }
        if (words.getFirst().equals("oasm")) {
            if (oasm(words.subList(1, words.size()), current, candidates)) {
                return;
            }
        }
        files(current, candidates, false);
    }

    /** The words of the current command before the cursor word (after the last | ; && ||). */
    private static List<String> commandWords(ParsedLine line) {
        List<String> before = line.words().subList(0, line.wordIndex());
        int start = 0;
        for (int i = 0; i < before.size(); i++) {
            String w = before.get(i);
            if (w.equals("|") || w.equals(";") || w.equals("&&") || w.equals("||")) {
                start = i + 1;
            }
        }
        return new ArrayList<>(before.subList(start, before.size()));
    }

    private void commands(List<Candidate> out) {
        for (String b : shell.builtins().names()) {
            out.add(new Candidate(b, b, "builtins", null, null, null, true));
        }
        for (String a : shell.state().aliases().keySet()) {
            out.add(new Candidate(a, a, "aliases", null, null, null, true));
        }
        for (String p : programs()) {
            out.add(new Candidate(p, p, "programs", null, null, null, true));
        }
    }

    /** Completes {@code oasm ...}; false when the position is an argument (then paths apply). */
    private boolean oasm(List<String> args, String current, List<Candidate> out) {
        String typed = String.join(" ", args.stream().filter(a -> !a.startsWith("-")).toList());
        List<String> names = catalog.commandNames();
        String matched = null;
        for (String n : names) {
            if ((typed + " ").startsWith(n + " ") && (matched == null || n.length() > matched.length())) {
                matched = n;
            }
        }
        if (matched == null || (current.isEmpty() && !typed.equals(matched) && names.stream().anyMatch(n -> n.startsWith(typed + " ")))) {
            String prefix = typed.isEmpty() ? "" : typed + " ";
            Set<String> next = new TreeSet<>();
            for (String n : names) {
                if (n.startsWith(prefix)) {
                    next.add(n.substring(prefix.length()).split(" ")[0]);
                }
            }
            next.forEach(n -> out.add(new Candidate(n, n, "oasm commands", catalog.description(prefix + n), null, null, true)));
            return !next.isEmpty();
        }
        if (current.startsWith("-") || current.isEmpty()) {
            for (String opt : catalog.options(matched)) {
                out.add(new Candidate(opt, opt, "options", null, null, null, true));
            }
            return current.startsWith("-");
        }
        return false;
    }

    private Set<String> programs() {
        String path = shell.state().variable("PATH");
        if (path == null || path.equals(cachedPath)) {
            return cachedPrograms;
        }
        Set<String> found = new TreeSet<>();
        for (String dir : path.split(":")) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(dir.isEmpty() ? "." : dir))) {
                for (Path p : ds) {
                    if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                        found.add(p.getFileName().toString());
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // a PATH entry that cannot be listed contributes nothing
            }
        }
        cachedPath = path;
        cachedPrograms = found;
        return found;
    }

    private void files(String current, List<Candidate> out, boolean executablesOnly) {
        String home = shell.state().variable("HOME");
        String expanded = current.startsWith("~/") && home != null ? home + current.substring(1) : current;
        int slash = expanded.lastIndexOf('/');
        String dirPart = slash >= 0 ? expanded.substring(0, slash + 1) : "";
        String shownDir = slash >= 0 ? current.substring(0, current.lastIndexOf('/') + 1) : "";
        String prefix = expanded.substring(slash + 1);
        Path dir = shell.state().cwd().resolve(dirPart.isEmpty() ? "." : dirPart);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix) || (name.startsWith(".") && !prefix.startsWith("."))) {
                    continue;
                }
                boolean isDir = Files.isDirectory(p);
                if (executablesOnly && !isDir && !Files.isExecutable(p)) {
                    continue;
                }
                String value = shownDir + name + (isDir ? "/" : "");
                out.add(new Candidate(value, name + (isDir ? "/" : ""), null, null, null, null, !isDir));
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing to offer for a folder that cannot be read
        }
    }
}
