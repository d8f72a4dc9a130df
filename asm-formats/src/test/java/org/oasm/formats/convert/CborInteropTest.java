package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CBOR against python3-cbor2, both directions: random documents we encode are decoded by cbor2
 * and encoded again by cbor2 (canonical form), and that encoding reads back as the original
 * document; values written by cbor2 (bignums, half floats, the self-describe tag) read as cbor2's
 * own JSON of them. Skips, saying why, where /usr/bin/python3 with cbor2 is absent.
 */
class CborInteropTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    private static int run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        if (p.exitValue() != 0) {
            System.out.println(new String(out, StandardCharsets.UTF_8));
        }
        return p.exitValue();
    }

    private static void requireCbor2() throws IOException, InterruptedException {
        boolean present;
        try {
            present = run(List.of(PYTHON, "-c", "import cbor2")) == 0;
        } catch (IOException e) {
            present = false;
        }
        assumeTrue(present, "/usr/bin/python3 with cbor2 (python3-cbor2) is not installed");
    }

    private Path resource(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = CborInteropTest.class.getResourceAsStream(name)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    @Test
    void cbor2ReadsWhatWeWriteAndWeReadWhatCbor2Writes() throws Exception {
        requireCbor2();
        List<JsonNode> docs = new ArrayList<>();
        List<String> argv = new ArrayList<>(List.of(PYTHON, resource("cbor2_roundtrip.py").toString()));
        for (int seed = 0; seed < 200; seed++) {
            JsonNode doc = new RandomDocuments(1000 + seed, true, true).document();
            docs.add(doc);
            Path f = dir.resolve("doc" + seed + ".cbor");
            Files.write(f, TestData.write(Format.CBOR, doc, TestData.context(false)));
            argv.add(f.toString());
        }
        assertEquals(0, run(argv));
        for (int seed = 0; seed < docs.size(); seed++) {
            byte[] back = Files.readAllBytes(dir.resolve("doc" + seed + ".cbor.cbor2"));
            JsonNode read = TestData.readTree(Format.CBOR, back, TestData.context(false));
            int s = seed;
            assertTrue(TestData.same(docs.get(seed), read), () -> "seed " + s + ": " + docs.get(s) + " came back from cbor2 as " + read);
        }
    }

    @Test
    void valuesWrittenByCbor2() throws Exception {
        requireCbor2();
        Path f = dir.resolve("values.cbor");
        assertEquals(0, run(List.of(PYTHON, resource("cbor2_values.py").toString(), f.toString())));
        JsonNode expected = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("values.cbor.json")));
        JsonNode ours = TestData.readTree(Format.CBOR, Files.readAllBytes(f), TestData.context(false));
        assertTrue(TestData.same(expected, ours), () -> "read " + ours + ", cbor2 says " + expected);
        JsonNode indefinite = TestData.readTree(Format.CBOR, Files.readAllBytes(dir.resolve("values.cbor.indefinite.cbor")),
                TestData.context(false));
        assertEquals("{\"a\":[1,2]}", indefinite.toString());
    }
}
