package org.oasm.formats.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Renders what {@link HistoryQuery} found: a readable table for people ({@code oasm history}),
 * and one JSON document for programs ({@code --format json}).
 */
public final class HistoryRenderer {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private record Column(String title, Function<JsonNode, String> value) {
    }

    private static final List<Column> EXECUTION = List.of(
            new Column("TIME", r -> r.path("timestamp").asString("")),
            new Column("RUN", r -> r.path("run_id").asString("").substring(0, Math.min(8, r.path("run_id").asString("").length()))),
            new Column("SEQ", r -> r.path("seq").asString("")),
            new Column("SCOPE", r -> r.path("scope").asString("")),
            new Column("STATUS", r -> r.path("status").asString("")),
            new Column("EXIT", r -> text(r.path("exit_status"))),
            new Column("MS", r -> text(r.path("duration_ms"))),
            new Column("ACTOR", HistoryRenderer::actor),
            new Column("COMMAND", r -> r.path("command").asString("")));

    private static final List<Column> LINEAGE = List.of(
            new Column("LINEAGE", r -> r.path("lineage_id").asString("")),
            new Column("TIME", r -> r.path("timestamp").asString("")),
            new Column("ACTOR", HistoryRenderer::actor),
            new Column("GIT", r -> text(r.path("git_sha")).substring(0, Math.min(12, text(r.path("git_sha")).length()))),
            new Column("SUMMARY", r -> r.path("summary").asString("")),
            new Column("COMMAND", r -> r.path("command_executed").asString("")));

    private HistoryRenderer() {
    }

    /** Execution records as a table, one line each, columns aligned. */
    public static String executionTable(List<JsonNode> records) {
        return table(EXECUTION, records);
    }

    /** A lineage chain as a table, the record first and its ancestors below it. */
    public static String lineageTable(List<JsonNode> chain) {
        return table(LINEAGE, chain);
    }

    /** The records as one JSON array. */
    public static String json(List<JsonNode> records) {
        ArrayNode array = Records.NODES.arrayNode();
        records.forEach(array::add);
        return PRETTY.writeValueAsString(array) + "\n";
    }

    private static String table(List<Column> columns, List<JsonNode> records) {
        List<String[]> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::title).toArray(String[]::new));
        for (JsonNode record : records) {
            rows.add(columns.stream().map(c -> c.value().apply(record).replace('\n', ' ')).toArray(String[]::new));
        }
        int[] widths = new int[columns.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String actor(JsonNode record) {
        try {
            return Actor.fromJson(record.path("actor")).describe();
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "-" : value.asString();
    }
}
