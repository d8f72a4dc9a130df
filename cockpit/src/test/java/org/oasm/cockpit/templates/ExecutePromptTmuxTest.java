package org.oasm.cockpit.templates;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.Samples;

/**
 * {@code oasm execute} at the interactive cockpit in a real terminal (tmux): it asks before it
 * commits, and the answer typed at the prompt decides.
 */
class ExecutePromptTmuxTest {

    @TempDir
    Path dir;
    private final String session = "oasm-prompt-" + ProcessHandle.current().pid();

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private String waitFor(String text) throws IOException, InterruptedException {
        String s = "";
        for (int i = 0; i < 300; i++) {
            s = tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", session);
            if (s.contains(text)) {
                return s;
            }
            Thread.sleep(100);
        }
        return s;
    }

    @AfterEach
    void kill() throws IOException, InterruptedException {
        tmux("kill-session", "-t", session);
    }

    @Test
    void theAnswerAtThePromptDecides() throws IOException, InterruptedException {
        assumeTrue(ShippedTemplatesTest.onPath("tmux"), "tmux is not installed");
        Path target = Samples.copy("rust_crate", dir);
        Files.delete(target.resolve("Cargo.toml"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = dir.resolve("start.sh");
        Files.writeString(script, "cd " + dir + " && exec " + java + " --enable-native-access=ALL-UNNAMED"
                + " -Doasm.stdin.tty=true -Doasm.stdout.tty=true -cp '" + System.getProperty("java.class.path") + "'"
                + " org.oasm.cockpit.Main --root " + dir.resolve("root") + "\n");
        tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "50", "bash " + script);
        assertTrue(waitFor("oasm>").contains("oasm>"));

        tmux("send-keys", "-t", session, "oasm execute --template fix_unsafe_blocks --target rust_crate", "Enter");
        assertTrue(waitFor("[y/N]").contains("commit 2 files to " + target + "? [y/N]"), waitFor("[y/N]"));
        tmux("send-keys", "-t", session, "n", "Enter");
        assertTrue(waitFor("not committed;").contains("not committed; the working copy was discarded"), waitFor("not committed"));
        assertFalse(Files.readString(target.resolve("src/lib.rs")).contains("SAFETY: TODO"));

        tmux("send-keys", "-t", session, "clear; oasm execute --template fix_unsafe_blocks --target rust_crate", "Enter");
        waitFor("[y/N]");
        tmux("send-keys", "-t", session, "y", "Enter");
        String s = waitFor("undo with: oasm revert");
        assertTrue(s.contains("committed 2 file(s) to " + target), s);
        assertTrue(Files.readString(target.resolve("src/lib.rs")).contains("SAFETY: TODO"));
        tmux("send-keys", "-t", session, "echo still-here", "Enter");
        assertTrue(waitFor("still-here\n").contains("still-here"), "the cockpit reads lines again after the prompt");
    }
}
