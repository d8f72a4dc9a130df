package org.oasm.cockpit.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.Cockpit;
import org.oasm.cockpit.CockpitHarness;
import org.oasm.cockpit.CockpitHarness.Result;
import org.oasm.cockpit.LaunchOptions;
import org.oasm.formats.root.OasmRoot;
import org.oasm.substrate.exec.Endpoint;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.TerminalInfo;

/**
 * {@code oasm convert} in a real in-process cockpit with provenance on: output to stdout and to
 * files, the one-line errors and exit statuses, nothing left behind by a failure, every lossy
 * substitution in the provenance record, and schema violations listed one per line.
 */
class ConvertCommandTest {

    @TempDir
    Path dir;
    CockpitHarness cockpit;

    @BeforeEach
    void setUp() {
        cockpit = new CockpitHarness(dir, true);
    }

    /** The session's log opens on a thread of its own: it is closed before the folder is removed. */
    @AfterEach
    void tearDown() {
        cockpit.close();
    }

    private Result run(String line) throws IOException {
        return cockpit.run(line);
    }

    private String provenance() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("root/logs/provenance"))) {
            StringBuilder sb = new StringBuilder();
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                sb.append(Files.readString(p));
            }
            return sb.toString();
        }
    }

    @Test
    void jsonToYamlOnStdoutAndCborToAFile() throws IOException {
        Files.writeString(dir.resolve("in.json"), "{\"big\": 18446744073709551617, \"flag\": \"yes\", \"n\": [1.5]}");
        Result yaml = run("oasm convert in.json --to yaml");
        assertEquals(0, yaml.status(), yaml.err());
        assertEquals("big: 18446744073709551617\nflag: yes\nn:\n- 1.5\n", yaml.out());
        Result cbor = run("oasm convert in.json --to cbor -o out.cbor");
        assertEquals(0, cbor.status(), cbor.err());
        assertEquals("a3" + "63626967" + "c249010000000000000001" + "64666c6167" + "63796573" + "616e" + "81f93e00",
                HexFormat.of().formatHex(Files.readAllBytes(dir.resolve("out.cbor"))));
        Result back = run("oasm convert out.cbor --to json");
        assertEquals("{\"big\":18446744073709551617,\"flag\":\"yes\",\"n\":[1.5]}\n", back.out());
    }

    @Test
    void aFailedConversionPrintsOneLineExitsOneAndLeavesNothing() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\"a\": [1, 2");
        Result r = run("oasm convert bad.json --to cbor -o out.cbor");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("oasm: " + dir.resolve("bad.json") + ": line 1"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("out.cbor")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".tmp")).toList());
        }
        Result missing = run("oasm convert nowhere.yaml --to json");
        assertEquals(1, missing.status());
        assertEquals("oasm: " + dir.resolve("nowhere.yaml") + ": no such file\n", missing.err());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Files.writeString(dir.resolve("in.json"), "{}");
        assertEquals(2, run("oasm convert in.json").status());
        assertEquals(2, run("oasm convert in.json --to xml").status());
        Result h5 = run("oasm convert in.json --to hdf5");
        assertEquals(2, h5.status());
        assertTrue(h5.err().contains("needs -o OUT"), h5.err());
    }

    @Test
    void lossySubstitutionsGoToTheProvenanceRecord() throws IOException {
        Files.write(dir.resolve("nan.cbor"), HexFormat.of().parseHex("a2617882f97e0001617901"));
        Result strict = run("oasm convert nan.cbor --to json");
        assertEquals(1, strict.status());
        assertTrue(strict.err().contains("/x/0: JSON has no NaN (--lossy writes null)"), strict.err());
        Result lossy = run("oasm convert nan.cbor --to json --lossy");
        assertEquals(0, lossy.status(), lossy.err());
        assertEquals("{\"x\":[null,1],\"y\":1}\n", lossy.out());
        String records = provenance();
        assertTrue(records.contains("lossy_substitutions"), records);
        assertTrue(records.contains("/x/0"), records);
        assertTrue(records.contains("JSON has no NaN"), records);
    }

    @Test
    void cborWithASchemaListsEveryViolation() throws IOException {
        Files.writeString(dir.resolve("state.json"), "{\"timestamp\": 5, \"last_exit_status\": \"zero\"}");
        Result r = run("oasm convert state.json --to cbor -o state.cbor --schema cli_state");
        assertEquals(1, r.status());
        assertTrue(r.err().lines().count() > 2, r.err());
        assertTrue(r.err().contains(": /timestamp: "), r.err());
        assertTrue(r.err().contains(": /last_exit_status: "), r.err());
        assertFalse(Files.exists(dir.resolve("state.cbor")));
    }

    @Test
    void hdf5BothWays() throws IOException {
        Files.writeString(dir.resolve("tree.json"), "{\"kind\": \"group\", \"attributes\": {\"title\": \"t\"}, \"members\": {"
                + "\"x\": {\"kind\": \"dataset\", \"dtype\": \"uint64\", \"shape\": [2], \"attributes\": {},"
                + " \"data\": [1, 18446744073709551615]}}}");
        Result w = run("oasm convert tree.json --to hdf5 -o tree.h5");
        assertEquals(0, w.status(), w.err());
        Result r = run("oasm convert tree.h5 --to json");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("18446744073709551615"), r.out());
        assertTrue(r.out().contains("\"dtype\":\"uint64\""), r.out());
    }

    @Test
    void cborIsNotWrittenToATerminal() throws IOException {
        TerminalInfo terminal = new TerminalInfo() {
            @Override
            public boolean isTerminal(int fd) {
                return fd == 1;
            }
        };
        LaunchOptions opts = new LaunchOptions(dir.resolve("root"), false, true, false,
                LaunchOptions.Mode.COMMAND_STRING, "true", null, List.of());
        Cockpit onTerminal = new Cockpit(opts, new OasmRoot(dir.resolve("root")).create(), terminal);
        onTerminal.shell().state().changeDirectory(dir);
        Files.writeString(dir.resolve("in.json"), "{\"a\": 1}");
        Path err = dir.resolve("stderr.txt");
        IoContext io = new IoContext(new Endpoint.Null(), new Endpoint.Inherit(1), new Endpoint.FileEndpoint(err, false));
        int status = onTerminal.shell().run("oasm convert in.json --to cbor", "-c", io);
        assertEquals(2, status);
        assertTrue(Files.readString(err).contains("CBOR is binary: not writing it to a terminal"), Files.readString(err));
    }

    @Test
    void progressBarRendersOnOneLine() {
        String bar = ConvertCommand.Progress.render(50_000_000, 200_000_000, 1_000_000_000L);
        assertEquals("[#######                       ]  25%  50/200 MB  50 MB/s", bar);
    }
}
