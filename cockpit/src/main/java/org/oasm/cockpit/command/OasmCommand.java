package org.oasm.cockpit.command;

import java.util.List;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

/**
 * Base of every {@code oasm} subcommand: a Spring Shell {@link Command} with declared options and
 * positional arguments, run with an {@link Invocation}. Options are checked before it runs, so an
 * unknown one is an error and never silently ignored.
 */
public abstract class OasmCommand implements Command {

    /** The invocation of the command running on this thread. */
    static final ScopedValue<Invocation> CURRENT = ScopedValue.newInstance();

    private final String name;
    private final String group;
    private final String description;
    private final String arguments;
    private final int minArgs;
    private final int maxArgs;
    private final List<OptionSpec> options;

    protected OasmCommand(String name, String group, String description, String arguments, int minArgs, int maxArgs,
            List<OptionSpec> options) {
        this.name = name;
        this.group = group;
        this.description = description;
        this.arguments = arguments;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.options = List.copyOf(options);
    }

    /** Runs the command; returns its exit status. */
    protected abstract int run(Invocation inv) throws Exception;

    /**
     * Why the resident cockpit, which runs many invocations in one long-lived JVM, should leave
     * this invocation to a JVM of its own (it would hold a whole document in the resident heap,
     * say), or null when it may serve it. {@code words} are the words after the command's name,
     * {@code cwd} the folder they are relative to. Bad usage is served: its error is the same.
     */
    public String notForResident(List<String> words, java.nio.file.Path cwd) {
        return null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getGroup() {
        return group;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public String getHelp() {
        return HelpRenderer.commandHelp(this);
    }

    @Override
    public List<CommandOption> getOptions() {
        return options.stream().map(OptionSpec::toSpring).toList();
    }

    public List<OptionSpec> optionSpecs() {
        return options;
    }

    /** The synopsis of the positional arguments, e.g. {@code FILE --as NAME/vVERSION}. */
    public String argumentSynopsis() {
        return arguments;
    }

    /** Whether a run gets a provenance record; every command does unless it says otherwise. */
    protected boolean recorded() {
        return true;
    }

    int minArgs() {
        return minArgs;
    }

    int maxArgs() {
        return maxArgs;
    }

    @Override
    public ExitStatus execute(CommandContext context) throws Exception {
        int status = run(CURRENT.get());
        return status == 0 ? ExitStatus.OK : new ExitStatus(status, "failed");
    }
}
