package org.oasm.cockpit.templates;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.Samples;
import org.oasm.cockpit.TmuxCockpit;

/**
 * {@code oasm execute} at the interactive cockpit in a real terminal (tmux): it asks before it
 * commits, and the answer typed at the prompt decides.
 */
class ExecutePromptTmuxTest {

    @TempDir
    Path dir;
    private final TmuxCockpit tmux = new TmuxCockpit("oasm-prompt-" + ProcessHandle.current().pid(), List.of("-J", "-S", "-200"), 300);

    @AfterEach
    void kill() throws IOException, InterruptedException {
        tmux.close();
    }

    @Test
    void theAnswerAtThePromptDecides() throws IOException, InterruptedException {
        assumeTrue(ShippedTemplatesTest.onPath("tmux"), "tmux is not installed");
        Path target = Samples.copy("rust_crate", dir);
        Files.delete(target.resolve("Cargo.toml"));
        tmux.start(dir, true, "", 200, 50);
        assertTrue(tmux.waitFor("oasm>").contains("oasm>"));

        tmux.send("oasm execute --template fix_unsafe_blocks --target rust_crate", "Enter");
        assertTrue(tmux.waitFor("[y/N]").contains("commit 2 files to " + target + "? [y/N]"), tmux.waitFor("[y/N]"));
        tmux.send("n", "Enter");
        assertTrue(tmux.waitFor("not committed;").contains("not committed; the working copy was discarded"), tmux.waitFor("not committed"));
        assertFalse(Files.readString(target.resolve("src/lib.rs")).contains("SAFETY: TODO"));

        tmux.send("clear; oasm execute --template fix_unsafe_blocks --target rust_crate", "Enter");
        tmux.waitFor("[y/N]");
        tmux.send("y", "Enter");
        String s = tmux.waitFor("undo with: oasm revert");
        assertTrue(s.contains("committed 2 file(s) to " + target), s);
        assertTrue(Files.readString(target.resolve("src/lib.rs")).contains("SAFETY: TODO"));
        tmux.send("echo still-here", "Enter");
        assertTrue(tmux.waitFor("still-here\n").contains("still-here"), "the cockpit reads lines again after the prompt");
    }
}
