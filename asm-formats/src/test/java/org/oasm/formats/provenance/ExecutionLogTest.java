package org.oasm.formats.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.provenance.ExecutionEvent.Scope;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.JsonNode;

class ExecutionLogTest {

    @Test
    void seqIsStrictlyIncreasingInTheFileUnderConcurrentWriters(@TempDir Path dir) throws Exception {
        ExecutionLog log = ExecutionLog.open(new OasmRoot(dir));
        int threads = 8;
        int perThread = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> handedOut = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String name = "t" + t;
            writers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                for (int i = 0; i < perThread; i++) {
                    handedOut.add(log.append(ExecutionEvent.started(Scope.Command, new Actor.Human(name), "/", "echo " + i)));
                }
            }));
        }
        go.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        log.close();
        Set<Long> unique = new HashSet<>(handedOut);
        assertEquals(threads * perThread, unique.size(), "a seq was handed out twice");

        List<String> lines = Files.readAllLines(log.file());
        assertEquals(threads * perThread, lines.size());
        long previous = 0;
        String previousTime = "";
        for (String line : lines) {
            JsonNode record = Records.JSON.readTree(line);
            long seq = record.get("seq").asLong();
            assertEquals(previous + 1, seq);
            String time = record.get("timestamp").asString();
            assertTrue(time.compareTo(previousTime) >= 0, "time went backwards at seq " + seq);
            previous = seq;
            previousTime = time;
        }
    }

    @Test
    void recordsReachTheFileWhileTheLogIsOpen(@TempDir Path dir) throws Exception {
        ExecutionLog log = ExecutionLog.open(new OasmRoot(dir));
        try {
            // a lone record (the writer asleep) is written without a close or a reader asking
            log.append(ExecutionEvent.started(Scope.Command, new Actor.Human("ada"), "/", "sleep 100"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (lines(log) < 1 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertEquals(1, lines(log), "the Started record of a running command is not in the file");
            // records queued back to back are all there once awaitWritten returns
            for (int i = 0; i < 5_000; i++) {
                log.append(ExecutionEvent.started(Scope.Stage, new Actor.Human("ada"), "/", "echo " + i));
            }
            log.awaitWritten();
            List<String> written = Files.readAllLines(log.file());
            assertEquals(5_001, written.size());
            assertEquals(5_001, Records.JSON.readTree(written.getLast()).get("seq").asLong());
        } finally {
            log.close();
        }
    }

    private static long lines(ExecutionLog log) throws java.io.IOException {
        return Files.exists(log.file()) ? Files.readAllLines(log.file()).size() : 0;
    }

    @Test
    void commandsAreRedactedAndFailuresGoToTheErrorLog(@TempDir Path dir) throws Exception {
        ExecutionLog log = ExecutionLog.open(new OasmRoot(dir));
        ExecutionEvent start = ExecutionEvent.started(Scope.Command, new Actor.Human("ada"), "/",
                "curl -H 'Authorization: Bearer abc.def' https://bob:hunter2@example.com");
        long seq = log.append(start);
        log.append(start.finished(seq, ExecutionEvent.Status.Failed, 7, 12));
        log.close();
        String all = Files.readString(log.file());
        assertFalse(all.contains("abc.def") || all.contains("hunter2"), all);
        List<String> errors = Files.readAllLines(log.errorFile());
        assertEquals(1, errors.size());
        JsonNode failed = Records.JSON.readTree(errors.getFirst());
        assertEquals("Failed", failed.get("status").asString());
        assertEquals(seq, failed.get("start_seq").asLong());
        assertEquals(7, failed.get("exit_status").asInt());
    }

    @Test
    void aDisabledLogHandsOutSeqsAndWritesNothing(@TempDir Path dir) {
        ExecutionLog log = ExecutionLog.open(new OasmRoot(dir), java.time.Clock.systemUTC(),
                java.util.UUID::randomUUID, false);
        assertEquals(1, log.append(ExecutionEvent.started(Scope.Command, Actor.SYSTEM, "/", "ls")));
        assertEquals(2, log.append(ExecutionEvent.started(Scope.Command, Actor.SYSTEM, "/", "ls")));
        log.close();
        assertFalse(Files.exists(dir.resolve("logs")));
    }

    @Test
    void appendsAfterCloseAreCountedButNotWritten(@TempDir Path dir) throws Exception {
        ExecutionLog log = ExecutionLog.open(new OasmRoot(dir));
        log.append(ExecutionEvent.started(Scope.Command, Actor.SYSTEM, "/", "a"));
        log.close();
        assertEquals(2, log.append(ExecutionEvent.started(Scope.Command, Actor.SYSTEM, "/", "b")));
        assertEquals(1, Files.readAllLines(log.file()).size());
    }
}
