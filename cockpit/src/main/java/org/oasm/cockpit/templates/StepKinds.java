package org.oasm.cockpit.templates;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oasm.cockpit.rules.ResolvedRule;
import org.oasm.cockpit.rules.Rules;
import org.oasm.cockpit.scan.Diagnostic;
import org.oasm.cockpit.scan.FileWalk;
import org.oasm.cockpit.scan.Glob;
import org.oasm.cockpit.scan.Scanner;
import org.oasm.cockpit.scan.TextFile;
import org.oasm.cockpit.templates.CommandBlock.Condition;
import org.oasm.cockpit.templates.CommandBlock.FileText;
import org.oasm.cockpit.templates.CommandBlock.Step;
import org.oasm.substrate.ExecutionListener;

/**
 * What each kind of step does in the working copy: run a command line, edit files, scan with the
 * resolved rules, check conditions, call Python. Also decides whether a step is skipped (its
 * {@code when} does not hold, or an optional step's program is missing).
 */
final class StepKinds {

    /** A finished step: success, a one-line detail, and the exit status where there is one. */
    record Done(boolean ok, String detail, Integer exit) {
    }

    private final Path dir;
    private final Params params;
    private final StepShell shell;
    private final Supplier<Rules.Loaded> rules;
    private final PythonSteps python;
    private final PrintStream out;

    StepKinds(Path dir, Params params, StepShell shell, Supplier<Rules.Loaded> rules, PythonSteps python, PrintStream out) {
        this.dir = dir;
        this.params = params;
        this.shell = shell;
        this.rules = rules;
        this.python = python;
        this.out = out;
    }

    /** Why the step is skipped, or empty when it runs; a missing program of a required step throws. */
    Optional<String> skipReason(Step s, ExecutionListener listener) throws InterruptedException {
        if (s.when() != null) {
            Optional<String> unmet = check(s.when(), listener, s.name());
            if (unmet.isPresent()) {
                return Optional.of(unmet.get());
            }
        }
        for (String tool : s.requires()) {
            if (shell.find(tool).isEmpty()) {
                String why = "needs " + tool + ", which is not installed (not found on PATH)";
                if (s.optional()) {
                    return Optional.of(why);
                }
                throw new StepException(why);
            }
        }
        return Optional.empty();
    }

    Done run(Step s, ExecutionListener listener) throws Exception {
        return switch (s.action()) {
            case CommandBlock.Run r -> {
                String command = params.expand(r.command(), Params.Into.SHELL);
                StepShell.Ended e = shell.run(command, "step " + s.name(), listener, r.timeoutSeconds());
                if (e.timedOut()) {
                    yield new Done(false, "timed out after " + r.timeoutSeconds() + " s", e.status());
                }
                yield new Done(e.status() == r.expectExit(), "exit status " + e.status()
                        + (e.status() == r.expectExit() ? "" : ", expected " + r.expectExit()), e.status());
            }
            case CommandBlock.Edit e -> {
                EditEngine.Result res = EditEngine.apply(e, dir, params);
                yield new Done(true, res.filesSelected() + " file(s) selected, " + res.edits() + " edit(s)", null);
            }
            case CommandBlock.Scan sc -> scan(sc);
            case CommandBlock.Assert a -> {
                Optional<String> unmet = check(a.condition(), listener, s.name());
                yield new Done(unmet.isEmpty(), unmet.map(u -> a.message() == null ? u : a.message() + " (" + u + ")").orElse(""), null);
            }
            case CommandBlock.Python p -> {
                int status = python.run(p.module(), p.function(), expanded(p.args()), dir, out, out);
                yield new Done(status == 0, "exit status " + status, status);
            }
        };
    }

    /** The step's arguments with each {@code ${NAME}} in their text replaced by the parameter's value. */
    private tools.jackson.databind.JsonNode expanded(tools.jackson.databind.JsonNode n) {
        var nodes = tools.jackson.databind.node.JsonNodeFactory.instance;
        if (n == null) {
            return null;
        }
        if (n.isString()) {
            return nodes.stringNode(params.expand(n.asString(), Params.Into.TEXT));
        }
        if (n.isArray()) {
            var a = nodes.arrayNode();
            n.forEach(e -> a.add(expanded(e)));
            return a;
        }
        if (n.isObject()) {
            var o = nodes.objectNode();
            n.properties().forEach(e -> o.set(e.getKey(), expanded(e.getValue())));
            return o;
        }
        return n;
    }

    private Done scan(CommandBlock.Scan sc) {
        Rules.Loaded loaded = rules.get();
        for (String id : sc.rules()) {
            if (!loaded.hierarchy().defines(id)) {
                throw new StepException("the scan names rule '" + id + "', which no rule file defines");
            }
        }
        Predicate<ResolvedRule> select = r -> (sc.rules().isEmpty() || sc.rules().contains(r.id()))
                && (sc.tags().isEmpty() || r.definition().tags().stream().anyMatch(sc.tags()::contains));
        Path path = inside(params.expand(sc.path(), Params.Into.TEXT));
        Scanner.Result r = new Scanner(loaded.hierarchy(), select).scan(path, Set.of());
        for (Diagnostic d : r.diagnostics()) {
            out.println("  " + d.render());
        }
        long failing = sc.failOn() == null ? 0 : r.diagnostics().stream().filter(d -> d.severity().atLeast(sc.failOn())).count();
        String detail = r.filesScanned() + " file(s) scanned, " + r.diagnostics().size() + " finding(s)"
                + (sc.failOn() == null ? "" : ", " + failing + " at or above " + sc.failOn().json());
        return new Done(failing == 0, detail, null);
    }

    /** The first condition that does not hold, or empty when all do. */
    Optional<String> check(Condition c, ExecutionListener listener, String step) throws InterruptedException {
        List<FileWalk.Item> files = FileWalk.files(dir, Set.of());
        if (c.fileExists() != null) {
            List<Glob> globs = Glob.all(c.fileExists().stream().map(g -> params.expand(g, Params.Into.TEXT)).toList());
            if (files.stream().noneMatch(f -> Glob.any(globs, f.path()))) {
                return Optional.of("no file matches " + String.join(" or ", c.fileExists()));
            }
        }
        if (c.contains() != null) {
            List<FileWalk.Item> selected = select(files, c.contains());
            if (selected.isEmpty()) {
                return Optional.of("no file matches " + c.contains().file());
            }
            for (FileWalk.Item f : selected) {
                if (firstMatch(f, c.contains()) < 0) {
                    return Optional.of(f.path() + " does not contain " + describe(c.contains()));
                }
            }
        }
        if (c.lacks() != null) {
            for (FileWalk.Item f : select(files, c.lacks())) {
                int line = firstMatch(f, c.lacks());
                if (line >= 0) {
                    return Optional.of(f.path() + ":" + line + " contains " + describe(c.lacks()));
                }
            }
        }
        if (c.command() != null) {
            StepShell.Ended e = shell.run(params.expand(c.command(), Params.Into.SHELL), "step " + step, listener, null);
            if (e.status() != c.exitStatus()) {
                return Optional.of("'" + c.command() + "' exited " + e.status() + ", expected " + c.exitStatus());
            }
        }
        return Optional.empty();
    }

    private List<FileWalk.Item> select(List<FileWalk.Item> files, FileText ft) {
        Glob g = Glob.of(params.expand(ft.file(), Params.Into.TEXT));
        return files.stream().filter(f -> g.matches(f.path())).toList();
    }

    /** The line of the first match of the text or regex in a file, or -1 (also for binary files). */
    private int firstMatch(FileWalk.Item f, FileText ft) {
        String text = EditEngine.readText(f.file());
        if (text == null) {
            return -1;
        }
        Pattern p = ft.regex() != null ? Pattern.compile(params.expand(ft.regex(), Params.Into.REGEX), Pattern.MULTILINE)
                : Pattern.compile(Pattern.quote(params.expand(ft.text(), Params.Into.TEXT)));
        Matcher m = p.matcher(text);
        return m.find() ? new TextFile(f.path(), text).lineOf(m.start()) : -1;
    }

    private static String describe(FileText ft) {
        return ft.regex() != null ? "/" + ft.regex() + "/" : "'" + ft.text() + "'";
    }

    private Path inside(String rel) {
        Path p = dir.resolve(rel).normalize();
        if (!p.startsWith(dir) || !Files.exists(p)) {
            throw new StepException(rel + ": not a path inside the working copy");
        }
        return p;
    }

}
