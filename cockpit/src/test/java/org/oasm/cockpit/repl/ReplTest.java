package org.oasm.cockpit.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitHarness;
import org.oasm.substrate.exec.Endpoint;
import org.oasm.substrate.exec.IoContext;

/** The REPL driven through a JLine dumb terminal on piped streams. */
class ReplTest {

    @TempDir
    Path dir;

    private record Session(int status, String screen, String out) { }

    private Session type(String keys) throws IOException {
        CockpitHarness h = new CockpitHarness(dir);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Path out = dir.resolve("out.txt");
        Files.deleteIfExists(out);
        Files.createFile(out);
        int status;
        try (Terminal t = new DumbTerminal("test", Terminal.TYPE_DUMB,
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8)) {
            t.setSize(new org.jline.terminal.Size(160, 40));
            Repl repl = new Repl(t, h.cockpit().shell(), h.cockpit().catalog(), h.cockpit().profile(),
                    dir.resolve("root/logs/history/line_history"), "root", new JLineTerminalInfo(t));
            status = repl.run(new IoContext(new Endpoint.Null(), new Endpoint.FileEndpoint(out, false),
                    new Endpoint.FileEndpoint(out, false)));
        }
        String plain = screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[;?0-9]*[a-zA-Z]", "")
                .replaceAll("\u001b[=>]", "");
        return new Session(status, plain, Files.readString(out));
    }

    @Test
    void runsLinesAndLeavesOnEndOfInputWithTheLastStatus() throws IOException {
        Session s = type("echo hi | tr a-z A-Z\nfalse\n");
        assertEquals("HI\n", s.out());
        assertEquals(1, s.status());
        assertTrue(s.screen().contains("oasm> "), () -> s.screen().replace("\u001b", "ESC"));
    }

    @Test
    void promptShowsAFailedStatus() throws IOException {
        Session s = type("sh -c 'exit 3'\necho after\n");
        assertTrue(s.screen().contains(" [3] oasm> "), s.screen());
    }

    @Test
    void anUnfinishedLineAsksForAContinuation() throws IOException {
        Session s = type("echo 'one\ntwo'\necho a |\ntr a-z A-Z\n");
        assertEquals("one\ntwo\nA\n", s.out());
    }

    @Test
    void historyIsKeptUnderTheRootAndPrintedByTheBuiltin() throws IOException {
        type("echo first\n");
        assertTrue(Files.readString(dir.resolve("root/logs/history/line_history")).contains("echo first"));
        Session s = type("history\n");
        assertTrue(s.out().contains("    1  echo first\n"), s.out());
        assertTrue(Files.readString(dir.resolve("root/logs/history/line_history")).contains("echo first"));
    }

    @Test
    void exitEndsTheSessionWithItsStatus() throws IOException {
        Session s = type("exit 4\necho never\n");
        assertEquals(4, s.status());
        assertEquals("", s.out());
    }
}
