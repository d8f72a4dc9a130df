package org.oasm.cockpit.command;

import java.util.List;
import org.oasm.cockpit.templates.Reverter;

/** {@code oasm revert --lineage-id ID [--force]}: undo a recorded change, itself recorded. */
final class RevertCommand extends OasmCommand {

    RevertCommand() {
        super("revert", "Provenance", "undo a recorded change; the revert is recorded and can be reverted too", "", 0, 0, List.of(
                OptionSpec.value("lineage-id", "ID", "the lineage record of the change"),
                OptionSpec.flag("force", "overwrite files that changed since")));
    }

    @Override
    protected int run(Invocation inv) {
        String id = inv.option("lineage-id").orElseThrow(() -> new UsageError("oasm revert: --lineage-id ID is required"));
        var s = inv.services();
        Reverter.Result r = new Reverter(s.root(), s.store(), s.recorder().orElse(null), s.actor())
                .revert(id, inv.flag("force"), "oasm revert --lineage-id " + id + (inv.flag("force") ? " --force" : ""), inv.out());
        if (r.lineageId() != null) {
            r.restored().forEach(p -> inv.out().println("restored " + p));
            inv.out().println("reverted lineage " + id + " in " + r.target() + ": " + r.restored().size() + " file(s); lineage "
                    + r.lineageId() + "; undo with: oasm revert --lineage-id " + r.lineageId());
            inv.notes().put("lineage_id", r.lineageId()).put("reverted_lineage_id", id);
        }
        return 0;
    }
}
