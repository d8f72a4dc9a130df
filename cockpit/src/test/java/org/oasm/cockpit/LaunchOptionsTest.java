package org.oasm.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void commandStringTakesTheNextWordAndKeepsTheRestAsArguments() {
        LaunchOptions o = LaunchOptions.parse(new String[] {"--root", "/tmp/r", "-c", "echo $1", "a", "b"});
        assertEquals(LaunchOptions.Mode.COMMAND_STRING, o.mode());
        assertEquals("echo $1", o.command());
        assertEquals(List.of("a", "b"), o.args());
        assertEquals(Path.of("/tmp/r"), o.root());
    }

    @Test
    void sessionFileAndSubcommand() {
        LaunchOptions f = LaunchOptions.parse(new String[] {"demo.oasm", "x"});
        assertEquals(LaunchOptions.Mode.SESSION_FILE, f.mode());
        assertEquals(Path.of("demo.oasm"), f.file());
        LaunchOptions s = LaunchOptions.parse(new String[] {"--debug", "store", "list"});
        assertEquals(LaunchOptions.Mode.SUBCOMMAND, s.mode());
        assertEquals("store", s.command());
        assertEquals(List.of("list"), s.args());
        assertTrue(s.debug());
    }

    @Test
    void noArgumentsIsInteractiveAndUnknownOptionsAreUsageErrors() {
        assertEquals(LaunchOptions.Mode.INTERACTIVE, LaunchOptions.parse(new String[0]).mode());
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(new String[] {"--frobnicate"}));
        assertThrows(LaunchOptions.UsageException.class, () -> LaunchOptions.parse(new String[] {"-c"}));
    }

    @Test
    void subcommandLineQuotesEveryWord() {
        assertEquals("oasm store put 'a b.txt' 'it'\\''s'",
                Cockpit.subcommandLine("store", List.of("put", "a b.txt", "it's")));
    }
}
