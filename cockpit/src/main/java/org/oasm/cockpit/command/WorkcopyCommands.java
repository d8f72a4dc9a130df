package org.oasm.cockpit.command;

import java.util.List;
import org.oasm.formats.provenance.ProvenanceRecord;
import org.oasm.formats.workcopy.CommitResult;
import org.oasm.formats.workcopy.CopyDiff;
import org.oasm.formats.workcopy.WorkingCopy;

/** {@code oasm workcopy create|list|diff|commit|discard}: copy-on-work. */
final class WorkcopyCommands {

    private WorkcopyCommands() {
    }

    static List<OasmCommand> all() {
        return List.of(new Create(), new ListCopies(), new Diff(), new Commit(), new Discard());
    }

    static final class Create extends OasmCommand {
        Create() {
            super("workcopy create", "Working copies", "copy a stored artifact, a file or a folder to work on", "REF|PATH", 1, 1,
                    List.of());
        }

        @Override
        protected int run(Invocation inv) {
            String src = inv.argument(0, "REF|PATH");
            String arg = src.startsWith("/artifacts/") || !inv.path(src).toFile().exists() ? src : inv.path(src).toString();
            WorkingCopy c = inv.services().workingCopies().create(arg, inv.services().actor());
            inv.out().println(c.copyId() + "  " + c.copyDir());
            return 0;
        }
    }

    static final class ListCopies extends OasmCommand {
        ListCopies() {
            super("workcopy list", "Working copies", "list working copies and their state", "", 0, 0,
                    List.of(OptionSpec.value("format", "FORMAT", "text or json")));
        }

        @Override
        protected int run(Invocation inv) {
            String format = inv.format("text", "json");
            List<WorkingCopy> all = inv.services().workingCopies().list();
            if (format.equals("json")) {
                inv.out().println(Json.array(all.stream().map(c -> Json.object("copy_id", c.copyId(),
                        "source_kind", c.sourceKind().toString().toLowerCase(), "source", c.source(),
                        "copy_path", c.copyDir().toString(), "state", c.state().toString().toLowerCase(),
                        "created", c.created().toString(), "actor", c.actor())).toList()));
                return 0;
            }
            for (WorkingCopy c : all) {
                inv.out().printf("%-36s %-10s %-9s %s%n", c.copyId(), c.state().toString().toLowerCase(),
                        c.sourceKind().toString().toLowerCase(), c.source());
            }
            return 0;
        }
    }

    static final class Diff extends OasmCommand {
        Diff() {
            super("workcopy diff", "Working copies", "unified diff of a working copy against its source", "ID", 1, 1, List.of());
        }

        @Override
        protected int run(Invocation inv) {
            CopyDiff d = inv.services().workingCopies().diff(inv.argument(0, "ID"));
            inv.out().print(d.unifiedDiff());
            inv.err().println(d.summary());
            return 0;
        }
    }

    static final class Commit extends OasmCommand {
        Commit() {
            super("workcopy commit", "Working copies", "write a working copy back to its source", "ID", 1, 1,
                    List.of(OptionSpec.flag("force", "commit even when the source changed since the copy was made")));
        }

        @Override
        protected int run(Invocation inv) {
            String id = inv.argument(0, "ID");
            CopyDiff diff = inv.services().workingCopies().diff(id);
            CommitResult r = inv.services().workingCopies().commit(id, inv.flag("force"), inv.services().actor());
            if (r.change().isEmpty()) {
                inv.out().println("nothing to commit: " + r.copy().copyId() + " is the same as its source");
            } else {
                var ch = r.change().get();
                inv.notes().impact(new ProvenanceRecord.Impact(diff.filesChanged(), diff.linesAdded(),
                        diff.linesRemoved(), 0, List.of()));
                inv.out().println("committed " + r.copy().copyId() + ": " + ch.files().size() + " file(s) written to "
                        + (ch.storedAs() != null ? ch.storedAs() : ch.sourceRoot()));
                inv.services().lastLineageId().ifPresent(l -> inv.out().println("lineage " + l
                        + " (undo with: oasm revert --lineage-id " + l + ")"));
            }
            return 0;
        }
    }

    static final class Discard extends OasmCommand {
        Discard() {
            super("workcopy discard", "Working copies", "delete a working copy without touching its source", "ID", 1, 1, List.of());
        }

        @Override
        protected int run(Invocation inv) {
            WorkingCopy c = inv.services().workingCopies().discard(inv.argument(0, "ID"));
            inv.out().println("discarded " + c.copyId());
            return 0;
        }
    }
}
