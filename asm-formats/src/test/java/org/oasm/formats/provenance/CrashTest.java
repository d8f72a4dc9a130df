package org.oasm.formats.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Records survive the death of the process that writes them. */
class CrashTest {

    @Test
    void killMinus9NeverLeavesATornLine(@TempDir Path dir) throws Exception {
        Process child = ChildProcesses.start("loop", dir.toString());
        ChildProcesses.awaitLine(child, "ready");
        Thread.sleep(300);
        child.destroyForcibly();
        assertTrue(child.waitFor(20, TimeUnit.SECONDS));

        OasmRoot root = new OasmRoot(dir);
        List<Path> logs = files(root.executionLogs());
        assertEquals(2, logs.size(), logs.toString());
        for (Path log : logs) {
            long previous = 0;
            for (String line : completeLines(log)) {
                long seq = Records.JSON.readTree(line).get("seq").asLong();
                assertTrue(seq > previous, log + ": seq " + seq + " after " + previous);
                previous = seq;
            }
        }
        Path main = logs.stream().filter(p -> !p.getFileName().toString().startsWith("errors_")).findFirst().orElseThrow();
        List<String> lines = completeLines(main);
        assertTrue(lines.size() > 400, "only " + lines.size() + " records");
        assertEquals(lines.size(), Records.JSON.readTree(lines.getLast()).get("seq").asLong(), "a hole in the seqs");

        List<String> chain = completeLines(root.lineageLogs().resolve(LineageWriter.CHAIN_FILE));
        assertTrue(chain.size() > 10);
        for (String line : chain) {
            JsonNode entry = Records.JSON.readTree(line);
            assertTrue(Files.isRegularFile(root.lineageLogs().resolve(entry.get("file").asString())), line);
        }
        for (Path record : files(root.lineageLogs())) {
            if (!record.getFileName().toString().equals(LineageWriter.CHAIN_FILE)) {
                assertTrue(Records.JSON.readTree(record.toFile()).has("lineage_id"), record.toString());
            }
        }
        YAMLMapper yaml = YAMLMapper.builder().build();
        for (Path record : files(root.provenanceLogs())) {
            if (record.toString().endsWith(".yaml")) {
                assertTrue(yaml.readTree(record.toFile()).has("cbor_object_id"), record.toString());
            }
        }
    }

    @Test
    void sigtermFlushesEveryQueuedRecord(@TempDir Path dir) throws Exception {
        int n = 20_000;
        Process child = ChildProcesses.start("burst", dir.toString(), Integer.toString(n));
        ChildProcesses.awaitLine(child, "written");
        child.destroy();
        assertTrue(child.waitFor(20, TimeUnit.SECONDS));
        assertEquals(143, child.exitValue(), "the child should end by SIGTERM");

        Path main = files(new OasmRoot(dir).executionLogs()).stream()
                .filter(p -> !p.getFileName().toString().startsWith("errors_")).findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(main);
        assertEquals(n, lines.size());
        assertEquals(n, Records.JSON.readTree(lines.getLast()).get("seq").asLong());
    }

    @Test
    void twoProcessesOnOneRootNeverInterleaveChainLines(@TempDir Path dir) throws Exception {
        int n = 80;
        Process first = ChildProcesses.start("lineage", dir.toString(), Integer.toString(n));
        Process second = ChildProcesses.start("lineage", dir.toString(), Integer.toString(n));
        assertTrue(first.waitFor(60, TimeUnit.SECONDS) && second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
        assertEquals(0, second.exitValue());
        List<String> chain = Files.readAllLines(new OasmRoot(dir).lineageLogs().resolve(LineageWriter.CHAIN_FILE));
        assertEquals(2 * n, chain.size());
        assertEquals(2, chain.stream().map(line -> Records.JSON.readTree(line).get("run_id").asString())
                .distinct().count());
        for (String line : chain) {
            JsonNode entry = Records.JSON.readTree(line);
            assertTrue(entry.get("summary").asString().length() > 9_000);
            JsonNode record = Records.JSON.readTree(new OasmRoot(dir).lineageLogs().resolve(entry.get("file").asString()).toFile());
            assertEquals(entry.get("lineage_id"), record.get("lineage_id"));
        }
    }

    /**
     * The lines of a file that end in a newline. SIGKILL can stop a write at a page boundary, so
     * the record in flight may be left as an unterminated tail: it is lost, never a torn line in
     * the middle, and readers skip it. Checks that there is at most that one fragment.
     */
    private static List<String> completeLines(Path file) throws Exception {
        String text = Files.readString(file);
        int end = text.lastIndexOf('\n') + 1;
        assertTrue(text.substring(end).indexOf('\n') < 0);
        return text.substring(0, end).lines().toList();
    }

    @Test
    void aTornTailOfTheChainIsCutBeforeTheNextLine(@TempDir Path dir) throws Exception {
        OasmRoot root = new OasmRoot(dir);
        LineageWriter writer = new LineageWriter(root, java.time.Clock.systemUTC(), java.util.UUID::randomUUID);
        java.util.UUID run = java.util.UUID.randomUUID();
        Actor actor = new Actor.Human("ada");
        writer.write(new LineageChange(run, 1, actor, null, "first", "test", "oasm x", null, null, List.of(), List.of(), null, null));
        Path chain = root.lineageLogs().resolve(LineageWriter.CHAIN_FILE);
        Files.writeString(chain, "{\"lineage_id\":\"torn", java.nio.file.StandardOpenOption.APPEND);
        writer.write(new LineageChange(run, 2, actor, null, "second", "test", "oasm y", null, null, List.of(), List.of(), null, null));
        List<String> lines = Files.readAllLines(chain);
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            assertTrue(Records.JSON.readTree(line).has("lineage_id"), line);
        }
    }

    @Test
    void aWholeLineLongerThanTheTailReadIsKept(@TempDir Path dir) throws Exception {
        OasmRoot root = new OasmRoot(dir);
        LineageWriter writer = new LineageWriter(root, java.time.Clock.systemUTC(), java.util.UUID::randomUUID);
        Path chain = root.lineageLogs().resolve(LineageWriter.CHAIN_FILE);
        Files.createDirectories(chain.getParent());
        String longLine = "{\"lineage_id\":\"long\",\"summary\":\"" + "x".repeat(20_000) + "\"}";
        Files.writeString(chain, longLine + "\n");
        writer.write(new LineageChange(java.util.UUID.randomUUID(), 1, new Actor.Human("ada"), null, "next", "test", "oasm x",
                null, null, List.of(), List.of(), null, null));
        List<String> lines = Files.readAllLines(chain);
        assertEquals(2, lines.size());
        assertEquals(longLine, lines.get(0));
    }

    /** The record files of a folder, without temporary files of writes in flight. */
    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
