package org.oasm.cockpit.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.TmuxCockpit;

/**
 * The real cockpit on a real terminal: tmux runs it, send-keys types, capture-pane reads the
 * screen. Checks tab completion and that Ctrl-C stops the foreground program, not the cockpit.
 * Skipped where tmux is not installed.
 */
class TmuxSessionTest {

    @TempDir
    Path dir;
    private final TmuxCockpit tmux = new TmuxCockpit("oasm-test-" + ProcessHandle.current().pid(), List.of(), 150);

    @AfterEach
    void kill() throws IOException, InterruptedException {
        tmux.close();
    }

    @Test
    void completionAndCtrlC() throws IOException, InterruptedException {
        assumeTrue(TmuxCockpit.available(), "tmux is not installed");
        Files.writeString(dir.resolve("unique-file-name.txt"), "x\n");
        tmux.start(dir, true, "", 120, 30);
        assertTrue(tmux.waitFor("oasm>").contains("oasm>"), tmux.screen());

        tmux.send("echo uniq", "Tab");
        assertTrue(tmux.waitFor("unique-file-name.txt").contains("echo unique-file-name.txt"), tmux.screen());
        tmux.send("Enter");

        tmux.send("oasm workc", "Tab");
        assertTrue(tmux.waitFor("oasm workcopy").contains("oasm workcopy"), tmux.screen());
        tmux.send("C-u");

        tmux.send("sleep 30", "Enter");
        Thread.sleep(500);
        tmux.send("C-c");
        assertTrue(tmux.waitFor("[130] oasm>").contains("[130] oasm>"), tmux.screen());

        tmux.send("echo still-here", "Enter");
        String screen = tmux.waitFor("still-here\n");
        assertTrue(screen.contains("still-here"), screen);
        // as in bash: the echoed ^C on its own line, then the prompt once
        assertTrue(screen.contains("sleep 30\n^C\n"), screen);
        assertEquals(1, screen.split("\\[130\\] oasm>", -1).length - 1, "the prompt after Ctrl-C was drawn twice:\n" + screen);
    }

    private void start(Path dir, String trailer) throws IOException, InterruptedException {
        tmux.start(dir, false, trailer, 120, 30);
        assertTrue(tmux.waitFor("oasm>").contains("oasm>"), tmux.screen());
    }

    @Test
    void ctrlCDiscardsTheLineAndCtrlDLeaves() throws IOException, InterruptedException {
        assumeTrue(TmuxCockpit.available(), "tmux is not installed");
        start(dir, "; echo \"cockpit left with $?\"; sleep 60");
        tmux.send("echo never-run-this");
        tmux.waitFor("never-run-this");
        tmux.send("C-c");
        // Ctrl-C reaches the cockpit as a signal; a person types the next line after the prompt is back
        assertTrue(tmux.waitFor("[130] oasm>").contains("[130] oasm>"), tmux.screen());
        tmux.send("echo after-ctrl-c", "Enter");
        String s = tmux.waitFor("\nafter-ctrl-c\n");
        assertTrue(s.contains("\nafter-ctrl-c\n"), s);
        assertTrue(s.lines().noneMatch(l -> l.strip().equals("never-run-this")), "the discarded line ran: " + s);
        tmux.send("false", "Enter");
        tmux.waitFor("[1] oasm>");
        tmux.send("C-d");
        s = tmux.waitFor("cockpit left with");
        assertTrue(s.contains("cockpit left with 1"), s);
    }

    @Test
    void anInteractiveProgramGetsTheTerminalAndTheCockpitItsLineEditingBack()
            throws IOException, InterruptedException {
        assumeTrue(TmuxCockpit.available(), "tmux is not installed");
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v less").start().waitFor() == 0, "less is not installed");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            text.append("line number ").append(i).append('\n');
        }
        Files.writeString(dir.resolve("long.txt"), text);
        start(dir, "");
        tmux.send("less long.txt", "Enter");
        assertTrue(tmux.waitFor("line number 20").contains("line number 1\n"), tmux.screen());
        // keys reach less, not the cockpit: G jumps to the end, q quits
        tmux.send("G");
        assertTrue(tmux.waitFor("line number 200").contains("line number 200"), tmux.screen());
        tmux.send("q");
        assertTrue(tmux.waitFor("oasm>").contains("oasm>"), tmux.screen());
        // line editing works again: the cursor moves left and a character goes in the middle
        tmux.send("echo ac", "Left", "b", "Enter");
        assertTrue(tmux.waitFor("\nabc\n").contains("\nabc\n"), tmux.screen());
    }
}
