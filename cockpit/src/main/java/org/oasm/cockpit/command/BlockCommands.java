package org.oasm.cockpit.command;

import java.util.ArrayList;
import java.util.List;

/**
 * The commands of command blocks, rules and scans, registered together: {@code oasm templates},
 * {@code oasm execute}, {@code oasm revert}, {@code oasm rules} and {@code oasm scan}.
 */
final class BlockCommands {

    private BlockCommands() {
    }

    static List<OasmCommand> all() {
        List<OasmCommand> all = new ArrayList<>(TemplateCommands.all());
        all.add(new ExecuteCommand());
        all.add(new RevertCommand());
        all.addAll(RulesCommands.all());
        all.add(new ScanCommand());
        return all;
    }
}
