package org.oasm.cockpit.command;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.oasm.cockpit.provenance.Recorder;
import org.oasm.formats.provenance.HistoryFilter;
import org.oasm.formats.provenance.HistoryQuery;
import org.oasm.formats.provenance.HistoryRenderer;
import org.oasm.formats.provenance.OpenLineageEvents;
import tools.jackson.databind.JsonNode;

/**
 * {@code oasm history}: execution records with filters, or a lineage record with its whole chain of
 * parents; as a table, JSON, or OpenLineage run events.
 */
final class HistoryCommand extends OasmCommand {

    HistoryCommand() {
        super("history", "Provenance", "provenance and lineage: what ran, when, and what it changed", "", 0, 0, List.of(
                OptionSpec.value("run", "ID", "only records of this cockpit run"),
                OptionSpec.value("lineage-id", "ID", "one lineage record and its chain of parents"),
                OptionSpec.value("status", "S", "Started, Completed, Failed or Cancelled"),
                OptionSpec.value("actor", "A", "Human, Automation, AI or System, or NAME (e.g. Human:alice)"),
                OptionSpec.value("grep", "TEXT", "only commands containing TEXT"),
                OptionSpec.value("since", "TIME", "records at or after TIME (ISO-8601, e.g. 2026-11-25T08:00:00Z)"),
                OptionSpec.value("until", "TIME", "records before TIME (ISO-8601)"),
                OptionSpec.value("limit", "N", "the last N matches (default 50)"),
                OptionSpec.value("format", "FORMAT", "text, json or openlineage")));
    }

    @Override
    protected boolean recorded() {
        return false;
    }

    @Override
    protected int run(Invocation inv) {
        String format = inv.format("text", "json", "openlineage");
        inv.services().recorder().ifPresent(Recorder::awaitWritten);   // this session's own records too
        HistoryQuery query = new HistoryQuery(inv.services().root());
        if (inv.option("lineage-id").isPresent()) {
            List<JsonNode> chain = query.lineage(inv.option("lineage-id").get());
            inv.out().print(switch (format) {
                case "json" -> HistoryRenderer.json(chain);
                case "text" -> HistoryRenderer.lineageTable(chain);
                default -> throw new UsageError("--format openlineage applies to execution records, not lineage");
            });
            return 0;
        }
        HistoryFilter f = HistoryFilter.last(limit(inv));
        if (inv.option("run").isPresent()) {
            f = f.run(inv.option("run").get());
        }
        if (inv.option("status").isPresent()) {
            f = f.status(inv.option("status").get());
        }
        if (inv.option("actor").isPresent()) {
            f = f.actor(inv.option("actor").get());
        }
        if (inv.option("grep").isPresent()) {
            f = f.text(inv.option("grep").get());
        }
        if (inv.option("since").isPresent() || inv.option("until").isPresent()) {
            f = f.between(time(inv, "since"), time(inv, "until"));
        }
        List<JsonNode> records = query.executions(f);
        switch (format) {
            case "json" -> inv.out().print(HistoryRenderer.json(records));
            case "openlineage" -> new OpenLineageEvents(OpenLineageEvents.DEFAULT_NAMESPACE,
                    OpenLineageEvents.DEFAULT_PRODUCER).events(records).forEach(e -> inv.out().println(e.toString()));
            default -> inv.out().print(HistoryRenderer.executionTable(records));
        }
        return 0;
    }

    private static int limit(Invocation inv) {
        String v = inv.option("limit").orElse(String.valueOf(HistoryFilter.DEFAULT_LIMIT));
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageError("oasm history: --limit expects a positive number, found " + v);
        }
    }

    private static Instant time(Invocation inv, String option) {
        String v = inv.option(option).orElse(null);
        if (v == null) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new UsageError("oasm history: --" + option + " expects an ISO-8601 time such as 2026-11-25T08:00:00Z, found " + v);
        }
    }
}
