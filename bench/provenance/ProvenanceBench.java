import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.oasm.formats.provenance.Actor;
import org.oasm.formats.provenance.ExecutionEvent;
import org.oasm.formats.provenance.ExecutionEvent.Scope;
import org.oasm.formats.provenance.ExecutionEvent.Status;
import org.oasm.formats.provenance.ExecutionLog;
import org.oasm.formats.provenance.HistoryFilter;
import org.oasm.formats.provenance.HistoryQuery;
import org.oasm.formats.provenance.LineageChange;
import org.oasm.formats.provenance.LineageWriter;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Measures the provenance records: the cost of one execution-record append on a new log and on a
 * log that already holds 1,000,000 records, the time of "last 50 matches" over 1,000,000 records,
 * and of a lineage lookup with its chain among 100,000 lineage records. Prints medians.
 * Usage: java -cp CLASSPATH ProvenanceBench.java WORK_DIR
 */
public class ProvenanceBench {

    static final Actor ADA = new Actor.Human("ada");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        appendCost("new log", new OasmRoot(work.resolve("append-new")), UUID.randomUUID(), 0);
        UUID big = UUID.randomUUID();
        OasmRoot bigRoot = new OasmRoot(work.resolve("append-1m"));
        appendCost("log with 1,000,000 records", bigRoot, big, 1_000_000);
        history(new OasmRoot(work.resolve("history")));
        lineage(new OasmRoot(work.resolve("lineage")));
    }

    /** Median and 99th percentile of append() in bursts of 500 (the queue drains between bursts). */
    static void appendCost(String label, OasmRoot root, UUID run, int existing) throws Exception {
        if (existing > 0) {
            fill(root, run, existing, Instant.parse("2026-01-01T00:00:00Z"));
        }
        long before = existing > 0 ? Files.size(root.executionLogs().resolve(run + ".log")) : 0;
        ExecutionLog log = ExecutionLog.open(root, Clock.systemUTC(), () -> run, true);
        int bursts = 60;
        int perBurst = 500;
        long[] times = new long[bursts * perBurst];
        int n = 0;
        for (int b = 0; b < bursts; b++) {
            for (int i = 0; i < perBurst; i++) {
                ExecutionEvent event = ExecutionEvent.started(Scope.Command, ADA, "/home/ada/project",
                        "cargo build --release --target x86_64-unknown-linux-gnu " + i);
                long t0 = System.nanoTime();
                log.append(event);
                times[n++] = System.nanoTime() - t0;
            }
            Thread.sleep(30);
        }
        long t0 = System.nanoTime();
        log.close();
        long closeMs = (System.nanoTime() - t0) / 1_000_000;
        long[] measured = Arrays.copyOfRange(times, perBurst * 10, times.length); // first 10 bursts warm up
        Arrays.sort(measured);
        long lines = Files.lines(log.file()).count();
        System.out.printf("append, %s: median %.1f us, p99 %.1f us (%d appends; file now %d records, %d MB before; close %d ms)%n",
                label, measured[measured.length / 2] / 1000.0, measured[measured.length * 99 / 100] / 1000.0,
                measured.length, lines, before >> 20, closeMs);
    }

    /** Writes records straight into a log file, as ExecutionLog would have, one second apart. */
    static void fill(OasmRoot root, UUID run, int count, Instant start) throws Exception {
        Files.createDirectories(root.executionLogs());
        ExecutionLog shape = ExecutionLog.open(root, Clock.systemUTC(), () -> run, false);
        try (BufferedWriter all = Files.newBufferedWriter(root.executionLogs().resolve(run + ".log"));
             BufferedWriter errors = Files.newBufferedWriter(root.executionLogs().resolve("errors_" + run + ".log"))) {
            for (int i = 1; i <= count; i++) {
                String program = i % 100 == 0 ? "make" : "ls";
                ExecutionEvent event = ExecutionEvent.started(Scope.Command, ADA, "/home/ada", program + " -l " + i);
                if (i % 2 == 0) {
                    event = event.finished(i - 1, i % 50 == 0 ? Status.Failed : Status.Completed, 0, 3);
                }
                String line = shape.toRecord(event, i, start.plusSeconds(i)).toString();
                all.write(line);
                all.newLine();
                if (event.status() == Status.Failed) {
                    errors.write(line);
                    errors.newLine();
                }
            }
        }
    }

    static void history(OasmRoot root) throws Exception {
        int files = 100;
        int perFile = 10_000;
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int f = 0; f < files; f++) {
            UUID run = UUID.randomUUID();
            Instant from = start.plusSeconds((long) f * perFile);
            fill(root, run, perFile, from);
            FileTime last = FileTime.from(from.plusSeconds(perFile + 1));
            Files.setLastModifiedTime(root.executionLogs().resolve(run + ".log"), last);
            Files.setLastModifiedTime(root.executionLogs().resolve("errors_" + run + ".log"), last);
        }
        HistoryFilter last50 = HistoryFilter.last(50);
        time("history over 1,000,000 records, last 50", () -> new HistoryQuery(root).executions(last50).size());
        time("history, last 50 with text 'make' (1% match)", () -> new HistoryQuery(root).executions(last50.text("make ")).size());
        time("history, last 50 Failed (errors logs)", () -> new HistoryQuery(root).executions(last50.status("Failed")).size());
        time("history, last 50 actor AI (no match: reads everything)", () -> new HistoryQuery(root).executions(last50.actor("AI")).size());
    }

    static void lineage(OasmRoot root) throws Exception {
        int chains = 1000;
        int depth = 100;
        LineageWriter writer = new LineageWriter(root, Clock.systemUTC(), UUID::randomUUID);
        ObjectNode template = writer.write(new LineageChange(UUID.randomUUID(), 1, ADA, null, "template",
                "bench", "oasm execute --template x --target src", null, null, null, null, null, null)).record();
        List<String> leaves = new ArrayList<>();
        for (int c = 0; c < chains; c++) {
            List<String> chain = new ArrayList<>();
            String parent = null;
            for (int d = 0; d < depth; d++) {
                String id = UUID.randomUUID().toString();
                ObjectNode record = template.deepCopy();
                record.put("lineage_id", id);
                record.put("parent_lineage_id", parent);
                record.put("revert_command", "oasm revert --lineage-id " + id);
                ArrayNode ids = ((ObjectNode) record.get("provenance")).putArray("lineage_chain");
                chain.forEach(ids::add);
                Files.writeString(root.lineageLogs().resolve(id + ".json"), record.toString() + "\n");
                chain.add(id);
                parent = id;
            }
            leaves.add(parent);
        }
        Random random = new Random(1);
        time("lineage lookup, record with 99 ancestors among 100,000", () ->
                new HistoryQuery(root).lineage(leaves.get(random.nextInt(leaves.size()))).size());
    }

    interface Work {
        int run() throws Exception;
    }

    static void time(String label, Work work) throws Exception {
        work.run();
        long[] ms = new long[7];
        int result = 0;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            result = work.run();
            ms[i] = (System.nanoTime() - t0) / 1000;
        }
        Arrays.sort(ms);
        System.out.printf("%s: median %.1f ms (%d results, %d runs)%n", label, ms[ms.length / 2] / 1000.0, result, ms.length);
    }
}
