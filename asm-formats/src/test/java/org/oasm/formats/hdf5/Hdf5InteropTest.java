package org.oasm.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.convert.Converter;
import org.oasm.formats.convert.Format;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HDF5 against the reference tools: every file the project writes opens in {@code h5dump} and
 * reads in h5py as the document it was written from ({@code h5tree.py}, the contract's mapping
 * written independently on h5py); files h5py writes ({@code make_h5py_file.py}: variable-length
 * strings, numpy booleans, chunked gzip datasets) read as the document h5py sees. Skips, saying
 * why, where /usr/bin/python3 with h5py or h5dump is absent.
 */
class Hdf5InteropTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    static void requireH5py() {
        assumeTrue(run(List.of(PYTHON, "-c", "import h5py"), null).status() == 0, "/usr/bin/python3 with h5py is not installed");
    }

    static void requireH5dump() {
        assumeTrue(run(List.of("h5dump", "--version"), null).status() == 0, "h5dump (hdf5-tools) is not installed");
    }

    record Run(int status, String out) {
    }

    static Run run(List<String> argv, Path cwd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            if (cwd != null) {
                pb.directory(cwd.toFile());
            }
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }

    private Path resource(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = Hdf5InteropTest.class.getResourceAsStream(name)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private JsonNode h5py(Path file) throws IOException {
        Run r = run(List.of(PYTHON, resource("h5tree.py").toString(), file.toString()), null);
        assertEquals(0, r.status(), r.out());
        return JSON.readTree(r.out());
    }

    private JsonNode ours(Path h5) throws IOException {
        Path json = dir.resolve(h5.getFileName() + ".json");
        Converter.toFile(h5, Format.JSON, json, Converter.Options.strict());
        return JSON.readTree(Files.readString(json));
    }

    @Test
    void writtenFilesOpenInH5dumpAndReadInH5pyAsTheirDocument() throws IOException {
        requireH5py();
        requireH5dump();
        Path doc = resource("Hdf5InteropTest-document.json");
        Path h5 = dir.resolve("written.h5");
        Converter.toFile(doc, Format.HDF5, h5, Converter.Options.strict());
        Run dump = run(List.of("h5dump", h5.toString()), null);
        assertEquals(0, dump.status(), dump.out());
        assertTrue(dump.out().contains("H5T_STD_U64LE"), dump.out());
        JsonNode expected = JSON.readTree(Files.readString(doc));
        JsonNode seen = h5py(h5);
        assertTrue(org.oasm.formats.convert.Documents.same(expected, seen), "h5py sees " + seen);
        assertTrue(org.oasm.formats.convert.Documents.same(expected, ours(h5)), "we read " + ours(h5));
    }

    @Test
    void filesMadeByH5pyReadAsH5pySeesThem() throws IOException {
        requireH5py();
        Path h5 = dir.resolve("made-by-h5py.h5");
        Run made = run(List.of(PYTHON, resource("make_h5py_file.py").toString(), h5.toString()), null);
        assertEquals(0, made.status(), made.out());
        JsonNode ours = ours(h5);
        JsonNode reference = h5py(h5);
        assertTrue(org.oasm.formats.convert.Documents.same(reference, ours), "we read\n" + ours + "\nh5py reads\n" + reference);
        Path again = dir.resolve("rewritten.h5");
        Path json = dir.resolve("made-by-h5py.h5.json");
        Converter.toFile(json, Format.HDF5, again, Converter.Options.strict());
        assertTrue(org.oasm.formats.convert.Documents.same(reference, h5py(again)), "rewritten file differs in h5py");
    }
}
