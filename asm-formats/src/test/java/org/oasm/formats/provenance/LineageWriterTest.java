package org.oasm.formats.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.JsonNode;

class LineageWriterTest {

    static final UUID RUN = UUID.fromString("0b6f6c1e-8f5e-4a47-9a5e-2b1d4c3e5f60");

    static LineageChange change(String parent, Path target, String command) {
        return new LineageChange(RUN, 1, new Actor.Human("ada"), parent, "summary", "intent", command, target,
                null, null, null, null, null);
    }

    @Test
    void gitShaIsTheHeadOfTheTargetsWorkTree(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        assumeTrue(run(repo, "git", "init", "-q") == 0, "git is not installed");
        Files.writeString(repo.resolve("a.txt"), "a\n");
        OasmRoot root = new OasmRoot(dir.resolve("root"));
        LineageWriter writer = new LineageWriter(root, Clock.systemUTC(), UUID::randomUUID);

        JsonNode noCommit = writer.write(change(null, repo.resolve("a.txt"), "edit")).record();
        assertTrue(noCommit.get("git_sha").isNull(), "a work tree without commits has no HEAD");

        assertEquals(0, run(repo, "git", "add", "a.txt"));
        assertEquals(0, run(repo, "git", "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "a"));
        String head = new String(new ProcessBuilder("git", "rev-parse", "HEAD").directory(repo.toFile()).start()
                .getInputStream().readAllBytes()).strip();
        JsonNode committed = writer.write(change(null, repo.resolve("a.txt"), "edit")).record();
        assertEquals(head, committed.get("git_sha").asString());

        JsonNode outside = writer.write(change(null, dir.resolve("root"), "edit")).record();
        assertTrue(outside.get("git_sha").isNull());
    }

    @Test
    void writersInManyThreadsNeverInterleaveChainLines(@TempDir Path dir) throws Exception {
        OasmRoot root = new OasmRoot(dir);
        List<Thread> threads = new ArrayList<>();
        String longCommand = "oasm execute --template x " + "--param k=v ".repeat(400);
        for (int t = 0; t < 4; t++) {
            LineageWriter writer = new LineageWriter(root, Clock.systemUTC(), UUID::randomUUID);
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 25; i++) {
                    writer.write(change(null, null, longCommand));
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<String> lines = Files.readAllLines(root.lineageLogs().resolve(LineageWriter.CHAIN_FILE));
        assertEquals(100, lines.size());
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            ids.add(Records.JSON.readTree(line).get("lineage_id").asString());
        }
        assertEquals(100, ids.size());
    }

    @Test
    void secretsInTheCommandAreRedacted(@TempDir Path dir) {
        LineageWriter writer = new LineageWriter(new OasmRoot(dir), Clock.systemUTC(), UUID::randomUUID);
        JsonNode record = writer.write(change(null, null, "deploy --token=abc123 API_KEY=xyz")).record();
        assertEquals("deploy --token=[REDACTED] API_KEY=[REDACTED]", record.get("command_executed").asString());
    }

    @Test
    void anUnknownParentIsRefused(@TempDir Path dir) {
        LineageWriter writer = new LineageWriter(new OasmRoot(dir), Clock.systemUTC(), UUID::randomUUID);
        String parent = UUID.randomUUID().toString();
        OasmException e = assertThrows(OasmException.class, () -> writer.write(change(parent, null, "x")));
        assertTrue(e.getMessage().endsWith(parent + ".json: no such lineage record (parent of the new one)"),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("logs/lineage/" + LineageWriter.CHAIN_FILE)));
    }

    private static int run(Path dir, String... command) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }
}
