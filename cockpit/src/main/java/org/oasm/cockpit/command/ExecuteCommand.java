package org.oasm.cockpit.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.oasm.cockpit.templates.Executor;
import org.oasm.cockpit.templates.PythonSteps;
import org.oasm.formats.provenance.ProvenanceRecord;

/**
 * {@code oasm execute --template ID --target PATH [--param K=V]... [--dry-run] [--yes]}: a command
 * block on a working copy, committed with {@code --yes} or after a yes at the terminal.
 */
final class ExecuteCommand extends OasmCommand {

    ExecuteCommand() {
        super("execute", "Command blocks", "run a command block on a working copy, then commit or discard", "", 0, 0, List.of(
                OptionSpec.value("template", "ID", "the command block: its id or store reference"),
                OptionSpec.value("target", "PATH", "the file or folder to work on"),
                OptionSpec.repeatable("param", "K=V", "a parameter of the block"),
                OptionSpec.flag("dry-run", "show the change and write nothing"),
                OptionSpec.flag("yes", "commit without asking")));
    }

    @Override
    protected int run(Invocation inv) throws Exception {
        String template = inv.option("template").orElseThrow(() -> new UsageError("oasm execute: --template ID is required"));
        String target = inv.option("target").orElseThrow(() -> new UsageError("oasm execute: --target PATH is required"));
        var services = inv.services();
        Executor ex = new Executor(services.root(), services.store(), services.recorder().orElse(null), services.actor(),
                inv.out(), inv.err(), PythonSteps.through(services::bridge));
        Executor.Prompt prompt = stdinIsTerminal() ? question -> ask(inv, question) : null;
        Executor.Result r;
        try {
            r = ex.execute(new Executor.Request(template, inv.path(target), inv.options("param"), inv.flag("dry-run"),
                    inv.flag("yes"), "oasm execute " + String.join(" ", argsOf(inv)), inv.shell().state().environment()), prompt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("execute: interrupted; the working copy was discarded and the target is unchanged", 130);
        }
        if (r.template() != null) {
            inv.notes().commandBlock(r.template().id()).put("template_source", r.template().source())
                    .put("template_sha256", r.template().sha256());
            if (r.template().ref() != null) {
                inv.notes().hdf5Reference(r.template().ref().toString());
            }
        }
        if (r.workingCopy() != null) {
            inv.notes().put("working_copy", r.workingCopy());
        }
        if (r.lineageId() != null) {
            inv.notes().put("lineage_id", r.lineageId()).impact(new ProvenanceRecord.Impact(r.filesChanged(), r.linesAdded(),
                    r.linesRemoved(), 0, List.of()));
        }
        if (r.message() != null) {
            inv.out().flush();
            inv.err().println("oasm: " + r.message());
        }
        return r.status();
    }

    /** The options as they were given, for the lineage record's command. */
    private List<String> argsOf(Invocation inv) {
        List<String> words = new java.util.ArrayList<>();
        inv.input().options().forEach(o -> {
            words.add("--" + o.longName());
            boolean flag = optionSpecs().stream().anyMatch(s -> s.longName().equals(o.longName()) && s.flag());
            if (!flag) {
                words.add(org.oasm.substrate.lex.Quoting.quote(String.valueOf(o.value())));
            }
        });
        return words;
    }

    /** Whether the cockpit's standard input is a terminal someone can answer on. */
    static boolean stdinIsTerminal() {
        String p = System.getProperty("oasm.stdin.tty");
        if (p != null) {
            return Boolean.parseBoolean(p);
        }
        var console = System.console();
        return console != null && console.isTerminal();
    }

    private static boolean ask(Invocation inv, String question) {
        inv.out().print(question);
        inv.out().flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(inv.io().in(), StandardCharsets.UTF_8)).readLine();
            return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
