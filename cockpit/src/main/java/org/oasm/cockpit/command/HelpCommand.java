package org.oasm.cockpit.command;

import java.util.List;
import java.util.function.Supplier;

/** {@code oasm help [COMMAND]}: every command by group, or one command's usage and options. */
final class HelpCommand extends OasmCommand {

    private final Supplier<CommandCatalog> catalog;

    HelpCommand(Supplier<CommandCatalog> catalog) {
        super("help", "Shell", "list the oasm commands, or show one command's options", "[COMMAND]", 0, 3, List.of());
        this.catalog = catalog;
    }

    @Override
    protected int run(Invocation inv) {
        List<String> words = inv.arguments();
        if (words.isEmpty()) {
            inv.out().print(HelpRenderer.overview(catalog.get().all()));
            return 0;
        }
        OasmCommand c = catalog.get().match(words);
        if (c == null || c.getName().split(" ").length != words.size()) {
            List<String> children = catalog.get().childrenOf(String.join(" ", words));
            if (!children.isEmpty()) {
                for (String child : children) {
                    String full = String.join(" ", words) + " " + child;
                    inv.out().printf("oasm %-24s %s%n", full, catalog.get().description(full));
                }
                return 0;
            }
            throw new UsageError("oasm help: no command '" + String.join(" ", words) + "' (try: oasm help)");
        }
        inv.out().print(c.getHelp());
        return 0;
    }
}
