package org.oasm.cockpit.command;

import java.util.ArrayList;
import java.util.List;

/** Every {@code oasm} subcommand of this build, for the {@link CommandCatalog}. */
public final class Commands {

    private Commands() {
    }

    public static CommandCatalog catalog() {
        CommandCatalog[] self = new CommandCatalog[1];
        self[0] = new CommandCatalog(() -> {
            List<OasmCommand> all = new ArrayList<>();
            all.add(new HelpCommand(() -> self[0]));
            all.addAll(StoreCommands.all());
            all.addAll(WorkcopyCommands.all());
            all.add(new HistoryCommand());
            all.addAll(ManifestCommands.all());
            all.addAll(TemplateCommands.all());
            all.add(new ExecuteCommand());
            all.add(new RevertCommand());
            all.addAll(RulesCommands.all());
            all.add(new ScanCommand());
            return all;
        });
        return self[0];
    }
}
