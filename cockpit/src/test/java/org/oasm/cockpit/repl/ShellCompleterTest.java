package org.oasm.cockpit.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitHarness;
import org.oasm.substrate.exec.CommandResolver;

/** What Tab offers: builtins, programs on PATH, oasm subcommands and their options, file paths. */
class ShellCompleterTest {

    @TempDir
    Path dir;
    private CockpitHarness cockpit;
    private ShellCompleter completer;

    @BeforeEach
    void setUp() throws IOException {
        cockpit = new CockpitHarness(dir);
        completer = new ShellCompleter(cockpit.cockpit().shell(), cockpit.cockpit().catalog());
        Files.writeString(dir.resolve("unique-name.txt"), "x\n");
    }

    private List<String> complete(String buffer) {
        List<Candidate> out = new ArrayList<>();
        completer.complete(null, new ShellLineParser().parse(buffer, buffer.length(), Parser.ParseContext.COMPLETE), out);
        return out.stream().map(Candidate::value).toList();
    }

    @Test
    void commandPositionOffersBuiltinsAndPrograms() {
        assertTrue(complete("ec").contains("echo"));
        assertTrue(complete("ls | hist").contains("history"));
        assumeTrue(CommandResolver.searchPath("bash", cockpit.cockpit().shell().state()).isPresent(), "no bash on PATH");
        assertTrue(complete("ba").contains("bash"));
    }

    @Test
    void oasmOffersItsSubcommandsThenTheirOptions() {
        assertTrue(complete("oasm st").contains("store"), complete("oasm st").toString());
        assertTrue(complete("oasm store p").contains("put"), complete("oasm store p").toString());
        List<String> options = complete("oasm store put f --");
        assertTrue(options.contains("--as"), options.toString());
    }

    @Test
    void argumentsAreFilePaths() {
        assertTrue(complete("cat uniq").contains("unique-name.txt"), complete("cat uniq").toString());
    }
}
