package org.oasm.formats.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Differential tests: the reference HDF5 tools (h5dump, h5py) read what the store writes, and back. */
class StoreInteropTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path tmp;

    private final byte[] content = sample();

    private static byte[] sample() {
        byte[] b = new byte[300];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7);
        }
        return b;
    }

    private ArtifactInfo stored() throws IOException {
        Path f = tmp.resolve("sample.cbor");
        Files.write(f, content);
        return new ArtifactStore(new OasmRoot(tmp.resolve("root"))).put(f, "template_io/v1.2", "interop").info();
    }

    @Test
    void h5dumpReadsTheStoredBytesAndAttributes() throws Exception {
        assumeTrue(runs("h5dump", "--version"), "h5dump is not installed (apt-get install hdf5-tools)");
        ArtifactInfo info = stored();

        String dump = run("h5dump", "-A", info.file().toString());
        assertTrue(dump.contains("DATASET \"content\""), dump);
        assertTrue(dump.contains("DATATYPE  H5T_STD_U8LE"), dump);
        for (String value : List.of(info.sha256(), "application/cbor", "interop", "template_io", "\"1.2\"",
                "sample.cbor", info.created().toString())) {
            assertTrue(dump.contains(value), value + " missing from h5dump output:\n" + dump);
        }
        Path raw = tmp.resolve("raw.bin");
        run("h5dump", "-d", "/content", "-b", "LE", "-o", raw.toString(), info.file().toString());
        assertArrayEquals(content, Files.readAllBytes(raw));
    }

    @Test
    void h5pyReadsTheStoredBytesAndAttributes() throws Exception {
        assumeTrue(runs(PYTHON, "-c", "import h5py"), PYTHON + " has no h5py (apt-get install python3-h5py)");
        ArtifactInfo info = stored();
        String script = """
                import h5py, json, sys
                f = h5py.File(sys.argv[1], "r")
                d = f["content"]
                attrs = {k: (v.decode() if isinstance(v, bytes) else (int(v) if k == "size" else str(v)))
                         for k, v in d.attrs.items()}
                print(json.dumps({"dtype": str(d.dtype), "hex": bytes(d[()]).hex(), "attrs": attrs}))
                """;
        JsonNode out = JsonMapper.builder().build().readTree(run(PYTHON, "-c", script, info.file().toString()));
        assertEquals("uint8", out.get("dtype").asString());
        assertEquals(HexFormat.of().formatHex(content), out.get("hex").asString());
        JsonNode a = out.get("attrs");
        assertEquals(info.sha256(), a.get("sha256").asString());
        assertEquals(content.length, a.get("size").asLong());
        assertEquals("application/cbor", a.get("media_type").asString());
        assertEquals(info.created().toString(), a.get("created").asString());
        assertEquals("interop", a.get("actor").asString());
        assertEquals("template_io", a.get("name").asString());
        assertEquals("1.2", a.get("version").asString());
        assertEquals("sample.cbor", a.get("original_name").asString());
    }

    @Test
    void theStoreReadsAndVerifiesFilesMadeByH5py() throws Exception {
        assumeTrue(runs(PYTHON, "-c", "import h5py"), PYTHON + " has no h5py (apt-get install python3-h5py)");
        OasmRoot root = new OasmRoot(tmp.resolve("root"));
        ArtifactStore store = new ArtifactStore(root);
        byte[] text = "made by h5py\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        String script = """
                import h5py, hashlib, sys, numpy
                data = open(sys.argv[1], "rb").read()
                for path, chunked in ((sys.argv[2], False), (sys.argv[3], True)):
                    with h5py.File(path, "w") as f:
                        opts = {"chunks": (64,), "compression": "gzip"} if chunked else {}
                        d = f.create_dataset("content", data=numpy.frombuffer(data, dtype="uint8"), **opts)
                        d.attrs["sha256"] = hashlib.sha256(data).hexdigest()
                        d.attrs["size"] = numpy.int64(len(data))
                        d.attrs["media_type"] = "text/plain"
                        d.attrs["created"] = "2026-01-01T00:00:00Z"
                        d.attrs["actor"] = "h5py"
                        d.attrs["name"] = "pyart"
                        d.attrs["version"] = "1" if not chunked else "2"
                        d.attrs["original_name"] = "py.txt"
                """;
        Path input = tmp.resolve("py.txt");
        Files.write(input, text);
        Path dir = store.folder(Category.SNAPSHOTS).resolve("pyart");
        Files.createDirectories(dir);
        Path v1 = dir.resolve("v1.h5");
        Path v2 = dir.resolve("v2.h5");
        run(PYTHON, "-c", script, input.toString(), v1.toString(), v2.toString());
        for (Path p : List.of(v1, v2)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("r--r--r--"));
        }

        assertArrayEquals(text, store.get(ArtifactRef.parse("/artifacts/pyart/v1")));
        assertArrayEquals(text, store.get(ArtifactRef.parse("/artifacts/pyart/v2")));
        ArtifactInfo info = store.info(ArtifactRef.parse("pyart/v2"));
        assertEquals("h5py", info.actor());
        assertEquals(text.length, info.size());
        assertEquals(List.of(), store.verify());
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out);
        return out;
    }
}
