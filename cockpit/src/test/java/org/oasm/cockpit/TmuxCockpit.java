package org.oasm.cockpit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: the real cockpit, from this build's class path, on a real terminal. tmux runs
 * it, {@link #send} types, {@link #screen} reads what capture-pane shows; the tests that need a
 * terminal (completion, Ctrl-C, an interactive program, a prompt) share it.
 */
public final class TmuxCockpit implements AutoCloseable {

    private final String session;
    private final List<String> capture;
    private final int tries;

    /**
     * @param capture extra capture-pane options (e.g. {@code -J -S -200} for joined lines and
     *                scroll-back)
     * @param tries   how many times {@link #waitFor} looks, 100 ms apart
     */
    public TmuxCockpit(String session, List<String> capture, int tries) {
        this.session = session;
        this.capture = List.copyOf(capture);
        this.tries = tries;
    }

    /** Whether tmux is installed. */
    public static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * The tests' own tmux server (socket {@code -L}), one per test JVM: a developer's tmux, or a
     * {@code tmux kill-server} typed while the suite runs, cannot end or disturb its sessions.
     */
    private static final String SOCKET = "oasm-test-" + ProcessHandle.current().pid();

    private static String tmux(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", SOCKET));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /**
     * Starts the cockpit in {@code dir} with its root in {@code dir/root}, from a script
     * {@code start.sh}: {@code exec}'d when {@code exec}, else followed by {@code trailer}.
     */
    public void start(Path dir, boolean exec, String trailer, int width, int height) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path script = dir.resolve("start.sh");
        Files.writeString(script, "cd " + dir + " && " + (exec ? "exec " : "") + java + " --enable-native-access=ALL-UNNAMED"
                + " -Doasm.stdin.tty=true -Doasm.stdout.tty=true -cp '" + System.getProperty("java.class.path") + "'"
                + " org.oasm.cockpit.Main --root " + dir.resolve("root") + trailer + "\n");
        tmux(List.of("new-session", "-d", "-s", session, "-x", String.valueOf(width), "-y", String.valueOf(height), "bash " + script));
    }

    /** Types keys (tmux key names: Enter, Tab, C-c, Left...). */
    public void send(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args);
    }

    /** What the terminal shows now. */
    public String screen() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("capture-pane", "-p"));
        args.addAll(capture);
        args.addAll(List.of("-t", session));
        return tmux(args);
    }

    /** Waits until the screen contains the text (the cockpit runs in another process); the last screen. */
    public String waitFor(String text) throws IOException, InterruptedException {
        String s = "";
        for (int i = 0; i < tries; i++) {
            s = screen();
            if (s.contains(text)) {
                return s;
            }
            Thread.sleep(100);
        }
        return s;
    }

    /** Ends the tmux session and the cockpit in it. */
    @Override
    public void close() throws IOException, InterruptedException {
        tmux(List.of("kill-session", "-t", session));
    }
}
