package org.oasm.formats.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The execution log's own JSON writer gives exactly the text Jackson's mapper gives. */
class RecordLinesTest {

    @Test
    void theLineIsTheNodesOwnText() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("text", "quote \" backslash \\ tab \t newline \n control \u0001 unicode \u00e9\u4e2d \ud83d\ude00 slash /");
        n.put("int", 42).put("long", Long.MIN_VALUE).put("big", new BigInteger("123456789012345678901234567890"));
        n.put("double", 0.1).put("float", 1.5f).put("decimal", new BigDecimal("1.2300")).put("neg", -3.0e-10);
        n.put("yes", true).put("no", false).putNull("nothing");
        n.putArray("list").add(1).add("two").addNull().addObject().put("deep", "er");
        n.putObject("empty");
        n.putArray("none");
        n.set("actor", new Actor.Human("root").toJson());
        assertEquals(n.toString(), RecordLines.line(n));
    }

    @Test
    void aRecordOfTheLogIsWrittenAsItsNodeReads() {
        ExecutionLog log = ExecutionLog.open(new org.oasm.formats.root.OasmRoot(java.nio.file.Path.of("/nonexistent")),
                java.time.Clock.systemUTC(), java.util.UUID::randomUUID, false);
        ObjectNode record = log.toRecord(ExecutionEvent.started(ExecutionEvent.Scope.Command, Actor.SYSTEM, "/tmp",
                "echo \"$HOME\" | tr a-z A-Z"), 7, java.time.Instant.parse("2024-03-05T10:20:00.123Z"));
        assertEquals(record.toString(), RecordLines.line(record));
    }
}
