package org.oasm.cockpit.templates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitHarness;
import org.oasm.cockpit.Samples;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills a cockpit (a child JVM, SIGKILL) in the middle of {@code oasm execute}: while a step runs,
 * the originals are byte-identical afterwards; at other moments, every file is its old or its new
 * content, never a mix (a killed commit may leave a hidden temporary file beside one), and a
 * commit cut short finishes with {@code oasm workcopy commit}.
 */
class KillDuringExecuteTest {

    @TempDir
    Path dir;

    private Process cockpit(Path root, String... args) throws IOException {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        List<String> argv = new java.util.ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.oasm.cockpit.Main", "--root", root.toString()));
        argv.addAll(List.of(args));
        return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }

    @Test
    void aKillWhileAStepRunsLeavesTheOriginalsAsTheyWere() throws Exception {
        Path root = dir.resolve("root");
        Path t = root.resolve("templates/command_blocks/repair/slow_fix.yaml");
        Files.createDirectories(t.getParent());
        Files.writeString(t, """
                id: slow_fix
                description: Edits every Rust file, then waits.
                kind: repair
                parameters:
                  marker: {type: string, description: file touched when the wait begins}
                targets: ["**/*.rs"]
                steps:
                  - name: change_everything
                    edit: {files: "**/*.rs", find: "fn ", replace: "fn  "}
                  - name: wait
                    run: {command: "touch ${marker} && sleep 60"}
                """);
        Path target = Samples.copy("rust_crate", dir);
        Map<String, byte[]> before = Samples.tree(target);
        Path marker = dir.resolve("waiting");
        Process child = cockpit(root, "execute", "--template", "slow_fix", "--target", target.toString(), "--yes",
                "--param", "marker=" + marker);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(marker) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(marker), "the block reached its second step: " + Files.readString(dir.resolve("child.log")));
        kill(child);
        Samples.assertSameTree(before, Samples.tree(target));
        var after = new CockpitHarness(dir).run("oasm execute --template fix_unsafe_blocks --target " + target + " --yes");
        assertEquals(0, after.status(), "a later execute works: " + after.err());
    }

    @Test
    void aKillAtAnyMomentLeavesEachFileOldOrNewAndACutCommitFinishes() throws Exception {
        Path target = dir.resolve("many");
        String unsafe = "pub fn get(v: &[u8], i: usize) -> u8 {\n    unsafe { *v.get_unchecked(i) }\n}\n";
        String fixed = "pub fn get(v: &[u8], i: usize) -> u8 {\n    // SAFETY: TODO: explain why this unsafe block is sound\n"
                + "    unsafe { *v.get_unchecked(i) }\n}\n";
        long[] delays = {-1, 500, 1200, 2000};
        int cutCommits = 0;
        for (long delay : delays) {
            Path root = dir.resolve("root" + delay);
            for (int i = 0; i < 300; i++) {
                Path f = target.resolve("m" + (i % 10) + "/f" + i + ".rs");
                Files.createDirectories(f.getParent());
                Files.writeString(f, unsafe);
            }
            Process child = cockpit(root, "execute", "--template", "fix_unsafe_blocks", "--target", target.toString(), "--yes");
            if (delay < 0) {
                // as soon as the commit has written its first file (paths are committed in sorted order)
                Path first = target.resolve("m0/f0.rs");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (child.isAlive() && !Files.readString(first).equals(fixed) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            } else {
                Thread.sleep(delay);
            }
            kill(child);
            int changed = 0;
            for (var e : Samples.tree(target).entrySet()) {
                if (Path.of(e.getKey()).getFileName().toString().matches("\\..*\\.tmp")) {
                    Files.delete(target.resolve(e.getKey()));
                    continue; // a temporary file the killed commit could not delete; never a source file
                }
                String now = new String(e.getValue());
                assertTrue(now.equals(unsafe) || now.equals(fixed), e.getKey() + " is neither old nor new: " + now);
                changed += now.equals(fixed) ? 1 : 0;
            }
            if (changed > 0 && changed < 300) {
                cutCommits++;
                String id = activeCopy(root);
                Process finish = cockpit(root, "workcopy", "commit", id);
                assertEquals(0, finish.waitFor(), Files.readString(dir.resolve("child.log")));
                for (var e : Samples.tree(target).entrySet()) {
                    assertArrayEquals(fixed.getBytes(), e.getValue(), e.getKey() + ": the resumed commit wrote every file");
                }
            }
        }
        System.out.println("kills that cut a commit short: " + cutCommits + " of " + delays.length);
    }

    /** The id of the working copy left active (with a prepared commit) under a root. */
    private static String activeCopy(Path root) throws IOException {
        try (var files = Files.list(root.resolve("logs/working_copies"))) {
            for (Path p : files.toList()) {
                var m = JsonMapper.builder().build().readTree(p.toFile());
                if (m.path("state").asString().equals("active")) {
                    return m.path("copy_id").asString();
                }
            }
        }
        throw new AssertionError("no active working copy under " + root + ": " + Arrays.toString(root.toFile().list()));
    }
}
