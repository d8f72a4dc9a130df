package org.oasm.cockpit.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitHarness;

class OasmCommandTest {

    @TempDir
    Path dir;
    CockpitHarness cockpit;

    @BeforeEach
    void setUp() {
        cockpit = new CockpitHarness(dir);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = OasmCommandTest.class.getResourceAsStream("OasmCommandTest-" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void helpListsEveryCommandByGroup() throws IOException {
        var r = cockpit.run("oasm help");
        assertEquals(0, r.status());
        assertEquals(golden("helpListsEveryCommandByGroup"), r.out());
    }

    @Test
    void helpOfOneCommandShowsItsOptions() throws IOException {
        var r = cockpit.run("oasm help store put");
        assertEquals(golden("helpOfOneCommandShowsItsOptions"), r.out());
        assertEquals(r.out(), cockpit.run("oasm store put --help").out());
    }

    @Test
    void oasmTakesPartInPipes() throws IOException {
        var r = cockpit.run("oasm help | grep -c 'oasm store'");
        assertEquals("4\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() throws IOException {
        var unknown = cockpit.run("oasm frobnicate");
        assertEquals(2, unknown.status());
        assertEquals("oasm: unknown command 'frobnicate' (try: oasm help)\n", unknown.err());
        var option = cockpit.run("oasm store list --colour");
        assertEquals(2, option.status());
        assertEquals("oasm store list: unknown option --colour (see: oasm help store list)\n", option.err());
        var missing = cockpit.run("oasm store put");
        assertEquals(2, missing.status());
        var group = cockpit.run("oasm workcopy");
        assertEquals(2, group.status());
        assertTrue(group.err().contains("missing subcommand (commit, create, diff, discard, list)"), group.err());
    }

    @Test
    void storeRoundTripThroughTheShell() throws IOException {
        Files.writeString(dir.resolve("note.txt"), "hello store\n");
        var put = cockpit.run("oasm store put note.txt --as note/v1.0");
        assertEquals(0, put.status(), put.err());
        assertTrue(put.out().startsWith("stored /artifacts/note/v1.0"), put.out());
        assertEquals("HELLO STORE\n", cockpit.run("oasm store get /artifacts/note/v1.0 | tr a-z A-Z").out());
        Files.writeString(dir.resolve("note.txt"), "other content\n");
        var again = cockpit.run("oasm store put note.txt --as note/v1.0");
        assertEquals(1, again.status());
        assertEquals(1, again.err().lines().count(), again.err());
        assertTrue(cockpit.run("oasm store list --format json").out().startsWith("[{\"ref\":\"/artifacts/note/v1.0\""));
        assertEquals(0, cockpit.run("oasm store verify").status());
    }

    @Test
    void workingCopyOfAFileCommitsBack() throws IOException {
        Path f = dir.resolve("src.txt");
        Files.writeString(f, "one\ntwo\n");
        var created = cockpit.run("oasm workcopy create src.txt");
        assertEquals(0, created.status(), created.err());
        String id = created.out().split(" ")[0];
        Path copy = Path.of(created.out().strip().split("\\s+")[1]);
        try (var files = Files.walk(copy)) {
            Path copied = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            Files.writeString(copied, "one\nTWO\n");
        }
        var diff = cockpit.run("oasm workcopy diff " + id);
        assertTrue(diff.out().contains("-two\n+TWO\n"), diff.out());
        assertEquals("one\ntwo\n", Files.readString(f), "the original is untouched before a commit");
        assertEquals(0, cockpit.run("oasm workcopy commit " + id).status());
        assertEquals("one\nTWO\n", Files.readString(f));
    }
}
