package org.oasm.formats.provenance;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.oasm.formats.provenance.ExecutionEvent.Scope;
import org.oasm.formats.provenance.ExecutionEvent.Status;
import org.oasm.formats.root.OasmRoot;

/**
 * A cockpit stand-in for the crash tests, run in a child JVM: {@code loop ROOT} records forever
 * (execution, provenance and lineage records), {@code burst ROOT N} appends N execution records,
 * says so on stdout and waits to be terminated, {@code lineage ROOT N} writes N lineage records
 * with long command lines as fast as it can.
 */
public final class RecordingChild {

    public static void main(String[] args) throws Exception {
        OasmRoot root = new OasmRoot(Path.of(args[1]));
        ExecutionLog log = ExecutionLog.open(root);
        Actor actor = new Actor.Human("child");
        if (args[0].equals("lineage")) {
            LineageWriter writer = new LineageWriter(root, Clock.systemUTC(), UUID::randomUUID);
            String command = "oasm execute --template x " + "--param k=v ".repeat(1000);
            for (int i = 0, n = Integer.parseInt(args[2]); i < n; i++) {
                writer.write(new LineageChange(log.runId(), i, actor, null, i + " " + "x".repeat(9000), "test", command, null, null,
                        List.of(), List.of(), null, null));
            }
            log.close();
            return;
        }
        if (args[0].equals("burst")) {
            int n = Integer.parseInt(args[2]);
            for (int i = 0; i < n; i++) {
                log.append(ExecutionEvent.started(Scope.Command, actor, "/tmp", "echo " + i));
            }
            System.out.println("written " + n);
            System.out.flush();
            Thread.sleep(60_000);
            return;
        }
        ProvenanceWriter provenance = new ProvenanceWriter(root, Clock.systemUTC(), true);
        LineageWriter lineage = new LineageWriter(root, Clock.systemUTC(), UUID::randomUUID);
        String parent = null;
        for (long i = 0; ; i++) {
            ExecutionEvent start = ExecutionEvent.started(Scope.Command, actor, "/tmp", "oasm convert f" + i + ".json");
            long seq = log.append(start);
            log.append(start.finished(seq, i % 7 == 0 ? Status.Failed : Status.Completed, 0, 1));
            if (i % 10 == 0) {
                provenance.write(new ProvenanceRecord(log.runId(), seq, actor, LogLevel.Info, "oasm.convert",
                        "oasm convert f.json", null, ProvenanceRecord.Outcome.Success, null, Map.of(), null,
                        List.of(), Map.of()));
                parent = lineage.write(new LineageChange(log.runId(), seq, actor, parent, "converted", "test",
                        "oasm convert f.json", null, null, List.of(), List.of(), null, null)).lineageId();
            }
            if (i == 200) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }
}
