package org.oasm.cockpit.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * The {@code oasm} subcommands, registered in Spring Shell's {@link CommandRegistry}. The registry
 * is built on first use, so lines that use no {@code oasm} command never pay for it.
 */
public final class CommandCatalog {

    private final Supplier<List<OasmCommand>> commands;
    private volatile CommandRegistry registry;

    public CommandCatalog(Supplier<List<OasmCommand>> commands) {
        this.commands = commands;
    }

    public CommandRegistry registry() {
        CommandRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    r = new CommandRegistry(Set.copyOf(commands.get()));
                    registry = r;
                }
            }
        }
        return r;
    }

    /** Registered command names ("store put"), sorted. */
    public List<String> commandNames() {
        return all().stream().map(Command::getName).toList();
    }

    public List<OasmCommand> all() {
        List<OasmCommand> list = new ArrayList<>();
        for (Command c : registry().getCommands()) {
            list.add((OasmCommand) c);
        }
        list.sort(Comparator.comparing(Command::getName));
        return list;
    }

    /** The command whose name is the longest prefix of {@code words}, or null. */
    public OasmCommand match(List<String> words) {
        OasmCommand best = null;
        for (OasmCommand c : all()) {
            String[] parts = c.getName().split(" ");
            if (parts.length <= words.size() && List.of(parts).equals(words.subList(0, parts.length))
                    && (best == null || parts.length > best.getName().split(" ").length)) {
                best = c;
            }
        }
        return best;
    }

    /** Names of commands that start with these words ("store" gives put, get, list, verify). */
    public List<String> childrenOf(String prefix) {
        return commandNames().stream().filter(n -> n.startsWith(prefix + " "))
                .map(n -> n.substring(prefix.length() + 1).split(" ")[0]).distinct().toList();
    }

    public List<String> options(String commandName) {
        OasmCommand c = match(List.of(commandName.split(" ")));
        if (c == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        c.optionSpecs().forEach(o -> out.add("--" + o.longName()));
        out.add("--help");
        return out;
    }

    public String description(String commandName) {
        OasmCommand c = match(List.of(commandName.split(" ")));
        return c != null && c.getName().equals(commandName) ? c.getDescription() : null;
    }
}
