package org.oasm.cockpit.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oasm.cockpit.CockpitServices;
import org.oasm.cockpit.provenance.ProvenanceNotes;
import org.oasm.substrate.builtin.BuiltinContext;
import org.oasm.substrate.exec.CommandIO;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ParsedInput;

/**
 * One run of an {@code oasm} command: its parsed options and arguments, the streams the shell gave
 * it (so it takes part in pipes and redirections), the shell around it and the cockpit's services.
 */
public record Invocation(ParsedInput input, CommandIO io, BuiltinContext shell, CockpitServices services,
        ProvenanceNotes notes) {

    public PrintStream out() {
        return io.out();
    }

    public PrintStream err() {
        return io.err();
    }

    /** The shell's working directory; relative paths in arguments resolve against it. */
    public Path cwd() {
        return shell.state().cwd();
    }

    public Path path(String arg) {
        return cwd().resolve(arg).normalize();
    }

    public List<String> arguments() {
        List<String> out = new ArrayList<>();
        for (CommandArgument a : input.arguments()) {
            out.add(a.value());
        }
        return out;
    }

    public String argument(int index, String name) {
        List<String> args = arguments();
        if (index >= args.size()) {
            throw new UsageError("missing " + name);
        }
        return args.get(index);
    }

    public Optional<String> option(String longName) {
        return input.options().stream().filter(o -> longName.equals(o.longName())).map(CommandOption::value)
                .reduce((a, b) -> b);
    }

    public List<String> options(String longName) {
        return input.options().stream().filter(o -> longName.equals(o.longName())).map(CommandOption::value).toList();
    }

    public boolean flag(String longName) {
        return input.options().stream().anyMatch(o -> longName.equals(o.longName()));
    }

    /** The {@code --format} option: text by default, or one of the allowed ones. */
    public String format(String... allowed) {
        String f = option("format").orElse("text");
        for (String a : allowed) {
            if (a.equals(f)) {
                return f;
            }
        }
        throw new UsageError("--format: expected one of " + String.join(", ", allowed) + ", found " + f);
    }
}
