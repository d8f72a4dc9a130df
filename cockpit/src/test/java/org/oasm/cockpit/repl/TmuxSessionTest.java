package org.oasm.cockpit.repl;

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

/**
 * The real cockpit on a real terminal: tmux runs it, send-keys types, capture-pane reads the
 * screen. Checks tab completion and that Ctrl-C stops the foreground program, not the cockpit.
 * Skipped where tmux is not installed.
 */
class TmuxSessionTest {

    @TempDir
    Path dir;
    private final String session = "oasm-test-" + ProcessHandle.current().pid();

    private static boolean hasTmux() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", session);
    }

    /** Waits until the screen contains the text (the cockpit runs in another process). */
    private String waitFor(String text) throws IOException, InterruptedException {
        String s = "";
        for (int i = 0; i < 150; i++) {
            s = screen();
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
    void completionAndCtrlC() throws IOException, InterruptedException {
        assumeTrue(hasTmux(), "tmux is not installed");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = dir.resolve("start.sh");
        Files.writeString(script, "cd " + dir + " && exec " + java + " --enable-native-access=ALL-UNNAMED"
                + " -Doasm.stdin.tty=true -Doasm.stdout.tty=true -cp '" + System.getProperty("java.class.path") + "'"
                + " org.oasm.cockpit.Main --root " + dir.resolve("root") + "\n");
        Files.writeString(dir.resolve("unique-file-name.txt"), "x\n");
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "30", "bash " + script);
        assertTrue(waitFor("oasm>").contains("oasm>"), screen());

        tmux("send-keys", "-t", session, "echo uniq", "Tab");
        assertTrue(waitFor("unique-file-name.txt").contains("echo unique-file-name.txt"), screen());
        tmux("send-keys", "-t", session, "Enter");

        tmux("send-keys", "-t", session, "oasm workc", "Tab");
        assertTrue(waitFor("oasm workcopy").contains("oasm workcopy"), screen());
        tmux("send-keys", "-t", session, "C-u");

        tmux("send-keys", "-t", session, "sleep 30", "Enter");
        Thread.sleep(500);
        tmux("send-keys", "-t", session, "C-c");
        assertTrue(waitFor("[130] oasm>").contains("[130] oasm>"), screen());

        tmux("send-keys", "-t", session, "echo still-here", "Enter");
        assertTrue(waitFor("still-here\n").contains("still-here"), screen());
    }

    private void start(Path dir, String trailer) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = dir.resolve("start.sh");
        Files.writeString(script, "cd " + dir + " && " + java + " --enable-native-access=ALL-UNNAMED"
                + " -Doasm.stdin.tty=true -Doasm.stdout.tty=true -cp '" + System.getProperty("java.class.path") + "'"
                + " org.oasm.cockpit.Main --root " + dir.resolve("root") + trailer + "\n");
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "30", "bash " + script);
        assertTrue(waitFor("oasm>").contains("oasm>"), screen());
    }

    @Test
    void ctrlCDiscardsTheLineAndCtrlDLeaves() throws IOException, InterruptedException {
        assumeTrue(hasTmux(), "tmux is not installed");
        start(dir, "; echo \"cockpit left with $?\"; sleep 60");
        tmux("send-keys", "-t", session, "echo never-run-this");
        waitFor("never-run-this");
        tmux("send-keys", "-t", session, "C-c");
        // Ctrl-C reaches the cockpit as a signal; a person types the next line after the prompt is back
        assertTrue(waitFor("[130] oasm>").contains("[130] oasm>"), screen());
        tmux("send-keys", "-t", session, "echo after-ctrl-c", "Enter");
        String s = waitFor("\nafter-ctrl-c\n");
        assertTrue(s.contains("\nafter-ctrl-c\n"), s);
        assertTrue(s.lines().noneMatch(l -> l.strip().equals("never-run-this")), "the discarded line ran: " + s);
        tmux("send-keys", "-t", session, "false", "Enter");
        waitFor("[1] oasm>");
        tmux("send-keys", "-t", session, "C-d");
        s = waitFor("cockpit left with");
        assertTrue(s.contains("cockpit left with 1"), s);
    }

    @Test
    void anInteractiveProgramGetsTheTerminalAndTheCockpitItsLineEditingBack()
            throws IOException, InterruptedException {
        assumeTrue(hasTmux(), "tmux is not installed");
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v less").start().waitFor() == 0, "less is not installed");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            text.append("line number ").append(i).append('\n');
        }
        Files.writeString(dir.resolve("long.txt"), text);
        start(dir, "");
        tmux("send-keys", "-t", session, "less long.txt", "Enter");
        assertTrue(waitFor("line number 20").contains("line number 1\n"), screen());
        // keys reach less, not the cockpit: G jumps to the end, q quits
        tmux("send-keys", "-t", session, "G");
        assertTrue(waitFor("line number 200").contains("line number 200"), screen());
        tmux("send-keys", "-t", session, "q");
        assertTrue(waitFor("oasm>").contains("oasm>"), screen());
        // line editing works again: the cursor moves left and a character goes in the middle
        tmux("send-keys", "-t", session, "echo ac", "Left", "b", "Enter");
        assertTrue(waitFor("\nabc\n").contains("\nabc\n"), screen());
    }
}
