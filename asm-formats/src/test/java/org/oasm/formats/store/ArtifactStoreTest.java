package org.oasm.formats.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.Fifo;
import org.oasm.formats.root.OasmRoot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArtifactStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");

    @TempDir
    Path tmp;

    private ArtifactStore store() {
        return new ArtifactStore(new OasmRoot(tmp.resolve("root")), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path file(String name, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void putStoresOneReadOnlyHdf5FilePerVersionWithItsAttributes() throws IOException {
        byte[] content = "{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8);
        PutResult r = store().put(file("t.json", content), "template_001/v1.0", "alice");

        assertFalse(r.alreadyStored());
        ArtifactInfo info = r.info();
        assertEquals(tmp.resolve("root/artifacts/hdf5/templates/template_001/v1.0.h5").toAbsolutePath(), info.file());
        assertEquals(Category.TEMPLATES, info.category());
        assertEquals(Hdf5Artifact.sha256Hex(content), info.sha256());
        assertEquals(content.length, info.size());
        assertEquals("application/json", info.mediaType());
        assertEquals(NOW, info.created());
        assertEquals("alice", info.actor());
        assertEquals("t.json", info.originalName());
        assertFalse(PosixFilePermissions.toString(Files.getPosixFilePermissions(info.file())).contains("w"));
        assertEquals(info, store().info(ArtifactRef.parse("/artifacts/template_001/v1.0")));
    }

    @Test
    void getReturnsTheExactBytesIncludingEveryByteValueAndContentLargerThanOneSlice() throws IOException {
        byte[] content = new byte[Hdf5Artifact.SLICE * 2 + 12345];
        new Random(42).nextBytes(content);
        for (int i = 0; i < 256; i++) {
            content[i] = (byte) i;
        }
        ArtifactStore store = store();
        store.put(file("blob.bin", content), "snap/v3", "bob");
        ArtifactRef ref = ArtifactRef.parse("snap/v3");

        assertArrayEquals(content, store.get(ref));
        Path out = store.get(ref, tmp.resolve("out.bin"));
        assertArrayEquals(content, Files.readAllBytes(out));
        Files.createDirectories(tmp.resolve("outdir"));
        assertEquals(tmp.resolve("outdir/blob.bin"), store.get(ref, tmp.resolve("outdir")));
        assertEquals(List.of(), store.verify());
    }

    @Test
    void getIntoAFifoWritesItInPlace() throws Exception {
        ArtifactStore store = store();
        store.put(file("small.txt", "hello\n".getBytes(StandardCharsets.UTF_8)), "snap_fifo/v1", "bob");
        try (Fifo fifo = Fifo.make(tmp.resolve("fifo"))) {
            store.get(ArtifactRef.parse("snap_fifo/v1"), fifo.path());
            assertEquals("hello\n", new String(fifo.bytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void secondPutWithSameContentIsIdempotentAndWithOtherContentIsRefused() throws IOException {
        ArtifactStore store = store();
        Path f = file("b.yaml", "a: 1\n".getBytes(StandardCharsets.UTF_8));
        store.put(f, "baseline_x/v2", "alice");
        PutResult again = store.put(f, "baseline_x/v2", "bob");
        assertTrue(again.alreadyStored());
        assertEquals("alice", again.info().actor());

        Path other = file("c.yaml", "a: 2\n".getBytes(StandardCharsets.UTF_8));
        StoreException e = assertThrows(StoreException.class, () -> store.put(other, "baseline_x/v2", "bob"));
        assertTrue(e.getMessage().startsWith("baseline_x/v2: already stored with other content"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(1, e.exitStatus());
        assertEquals("a: 1\n", new String(store.get(ArtifactRef.parse("baseline_x/v2")), StandardCharsets.UTF_8));
    }

    @Test
    void aNameLivesOnOneShelfOnly() throws IOException {
        ArtifactStore store = store();
        store.put(file("x.txt", new byte[] {1}), "thing/v1", Category.BASELINES, "a");
        StoreException e = assertThrows(StoreException.class,
                () -> store.put(file("y.txt", new byte[] {2}), "thing/v2", Category.SNAPSHOTS, "a"));
        assertEquals("thing/v2: the name thing is stored under baselines, not snapshots", e.getMessage());
    }

    @Test
    void listGivesEveryVersion() throws IOException {
        ArtifactStore store = store();
        store.put(file("a.txt", new byte[] {1}), "template_a/v1", "a");
        store.put(file("b.txt", new byte[] {2}), "template_a/v10", "a");
        store.put(file("b.txt", new byte[] {4}), "template_a/v2", "a");
        store.put(file("c.txt", new byte[] {3}), "baseline_c/v1", "a");
        List<String> refs = store.list().stream().map(i -> i.category().folder() + ":" + i.ref()).toList();
        assertEquals(List.of("templates:/artifacts/template_a/v1", "templates:/artifacts/template_a/v2",
                "templates:/artifacts/template_a/v10", "baselines:/artifacts/baseline_c/v1"), refs);
    }

    @Test
    void verifyNamesATamperedFileAndGetRefusesIt() throws IOException {
        ArtifactStore store = store();
        byte[] content = "MARKER-0123456789-unique-content".getBytes(StandardCharsets.US_ASCII);
        Path h5 = store.put(file("m.txt", content), "snap_m/v1", "a").info().file();
        store.put(file("n.txt", new byte[] {7}), "snap_n/v1", "a");

        byte[] raw = Files.readAllBytes(h5);
        int at = indexOf(raw, content);
        assertTrue(at > 0, "content is stored contiguously in the file");
        raw[at + 3] ^= 0x01;
        Files.setPosixFilePermissions(h5, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(h5, raw);
        Files.setPosixFilePermissions(h5, PosixFilePermissions.fromString("r--r--r--"));

        List<StoreProblem> problems = store.verify();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(h5, problems.getFirst().file());
        assertTrue(problems.getFirst().problem().startsWith("tampered or corrupt: content sha256"), problems.toString());
        StoreException e = assertThrows(StoreException.class, () -> store.get(ArtifactRef.parse("snap_m/v1")));
        assertTrue(e.getMessage().startsWith(h5 + ": content does not match"), e.getMessage());
    }

    @Test
    void verifyNamesTruncatedWritableAndLeftoverFiles() throws IOException {
        ArtifactStore store = store();
        Path a = store.put(file("a.txt", "aaaa".getBytes(StandardCharsets.UTF_8)), "snap_a/v1", "x").info().file();
        Path b = store.put(file("b.txt", "bbbb".getBytes(StandardCharsets.UTF_8)), "snap_b/v1", "x").info().file();
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-r--r--"));
        Files.write(a, java.util.Arrays.copyOf(Files.readAllBytes(a), 100));
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(b, PosixFilePermissions.fromString("rw-r--r--"));
        Path leftover = b.resolveSibling(".v2.h5123.tmp");
        Files.write(leftover, new byte[] {0});

        List<StoreProblem> problems = store.verify();
        assertEquals(3, problems.size(), problems.toString());
        assertEquals(a, problems.get(0).file());
        assertTrue(problems.get(0).problem().startsWith("unreadable: "), problems.toString());
        assertEquals(leftover + ": leftover temporary file of an interrupted write", problems.get(1).toString());
        assertEquals(b + ": writable: store files must be read-only", problems.get(2).toString());
    }

    @Test
    void refusesEmptyMissingAndUnknownInputs() throws IOException {
        ArtifactStore store = store();
        assertEquals("snap/v1: empty content cannot be stored (jHDF cannot write a zero-length dataset)",
                assertThrows(StoreException.class, () -> store.put(file("e.txt", new byte[0]), "snap/v1", "a")).getMessage());
        assertEquals(tmp.resolve("nope") + ": not a regular file",
                assertThrows(StoreException.class, () -> store.put(tmp.resolve("nope"), "snap/v1", "a")).getMessage());
        assertEquals("/artifacts/snap/v9: not in the store",
                assertThrows(StoreException.class, () -> store.resolve("snap/v9")).getMessage());
    }

    @Test
    void referencesParseInBothFormsAndRejectPaths() {
        assertEquals(new ArtifactRef("template_001", "1.0"), ArtifactRef.parse("/artifacts/template_001/v1.0"));
        assertEquals(new ArtifactRef("template_001", "1.0"), ArtifactRef.parse("template_001/v1.0"));
        assertEquals("/artifacts/template_001/v1.0", ArtifactRef.parse("template_001/v1.0").toString());
        assertEquals("template_001/v1.0", ArtifactRef.parse("/artifacts/template_001/v1.0").shortForm());
        assertEquals("v1.0.h5", ArtifactRef.parse("template_001/v1.0").fileName());
        for (String bad : List.of("template_001", "template_001/1.0", "../x/v1", "a/b/v1", "/artifacts/x/v..", "x/v")) {
            StoreException e = assertThrows(StoreException.class, () -> ArtifactRef.parse(bad), bad);
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void defaultCategoryFollowsTheNamePrefix() {
        assertEquals(Category.TEMPLATES, Category.defaultFor("Template_001"));
        assertEquals(Category.BASELINES, Category.defaultFor("baseline-main"));
        assertEquals(Category.SNAPSHOTS, Category.defaultFor("run_42"));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
