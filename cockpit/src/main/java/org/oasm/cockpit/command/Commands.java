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
            all.add(new ConvertCommand());
            all.add(new AnalyzeCommand());
            all.addAll(BlockCommands.all());
            all.add(new TestCommand());
            all.addAll(ResidentCommands.all());
            return all;
        });
        return self[0];
    }
}
