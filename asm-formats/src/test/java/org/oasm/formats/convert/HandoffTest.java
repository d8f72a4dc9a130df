package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.document.DocumentException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reading on a second thread ({@link Handoff}) gives what reading on the writing thread gives:
 * the same output bytes, the same substitutions with the same JSON Pointers, the same error.
 * The inputs are large enough to fill many batches (and the text arena of one), and hold what
 * is judged on the writing side: inexact decimals, foreign tags and non-text keys, NaN for JSON,
 * duplicate keys.
 */
class HandoffTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path dir;

    /** What one conversion did: its output and substitutions, or its error. */
    private record Outcome(byte[] output, List<?> substitutions, long count, String error) {
    }

    private Outcome convert(Path in, Format to, boolean lossy, boolean twoThreads) {
        Path out = dir.resolve("out-" + twoThreads + "." + to.id());
        Converter.Options o = Converter.Options.strict().withLossy(lossy).withTwoThreadsFrom(twoThreads ? 0 : Long.MAX_VALUE);
        try {
            Converter.Result r = Converter.toFile(in, to, out, o);
            return new Outcome(Files.readAllBytes(out), r.substitutions(), r.substitutionCount(), null);
        } catch (DocumentException e) {
            assertFalse(Files.exists(out), "output left behind");
            return new Outcome(null, null, 0, e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void sameEitherWay(Path in, boolean lossySucceeds) {
        for (Format to : new Format[] {Format.JSON, Format.YAML, Format.CBOR}) {
            for (boolean lossy : new boolean[] {false, true}) {
                Outcome one = convert(in, to, lossy, false);
                Outcome two = convert(in, to, lossy, true);
                String what = in.getFileName() + " -> " + to.id() + (lossy ? " --lossy" : "");
                assertEquals(one.error(), two.error(), what);
                assertEquals(one.substitutions(), two.substitutions(), what);
                assertEquals(one.count(), two.count(), what);
                if (one.output() != null) {
                    assertArrayEquals(one.output(), two.output(), what);
                }
                if (lossy && lossySucceeds) {
                    assertTrue(one.error() == null && one.count() > 0, what + ": " + one.error());
                }
            }
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("oasm-convert-reader") && t.isAlive()), "a reader thread is left running");
    }

    /** Random documents, JSON-safe unless {@code all}, and a text longer than a batch's arena holds. */
    private static ArrayNode documents(boolean all) {
        ArrayNode a = NODES.arrayNode();
        for (int seed = 0; seed < 400; seed++) {
            a.add(new RandomDocuments(seed, all, all).document());
        }
        a.add("x".repeat(Handoff.CHARS / 3));
        a.add("ü".repeat(Handoff.CHARS / 5));
        return a;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void jsonReadsTheSameOnTwoThreads() throws IOException {
        String docs = text(TestData.write(Format.JSON, documents(false), TestData.context(false)));
        Path in = dir.resolve("in.json");
        // decimals whose exactness is judged on the writing side, in the middle and at the end
        Files.writeString(in, "[3.14159265358979323846, " + docs + ", 1e400, 0.1000000000000000055511151231257827]");
        sameEitherWay(in, true);
    }

    @Test
    void cborReadsTheSameOnTwoThreads() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x9f);
        b.writeBytes(TestData.write(Format.CBOR, documents(true), TestData.context(false)));
        // a foreign tag, undefined, a non-text key, NaN (which JSON cannot hold)
        b.writeBytes(HexFormat.of().parseHex("c074323031332d30332d32315432303a30343a30305af7a10102f97e00"));
        b.write(0xff);
        Path in = Files.write(dir.resolve("in.cbor"), b.toByteArray());
        sameEitherWay(in, true);
    }

    @Test
    void yamlReadsTheSameOnTwoThreads() throws IOException {
        String docs = text(TestData.write(Format.YAML, documents(true), TestData.context(false)));
        Path in = dir.resolve("in.yaml");
        Files.writeString(in, "- !local tagged\n- {1: a}\n- 3.14159265358979323846\n- &x [1, 2.5, 1e400]\n- *x\n- "
                + docs.replace("\n", "\n  ") + "\n- .nan\n");
        sameEitherWay(in, true);
    }

    @Test
    void anErrorFoundWhileWritingWinsOverALaterMalformedInput() throws IOException {
        String docs = text(TestData.write(Format.JSON, documents(false), TestData.context(false)));
        Path in = dir.resolve("dup.json");
        Files.writeString(in, "[" + docs + ", {\"a\": 1, \"a\": 2}, " + docs + ", {\"truncated\": ");
        Outcome two = convert(in, Format.CBOR, false, true);
        assertEquals(convert(in, Format.CBOR, false, false).error(), two.error());
        assertTrue(two.error().endsWith("/1/a: duplicate key \"a\""), two.error());
        sameEitherWay(in, false);
    }

    @Test
    void aMalformedInputFarAheadOfTheWriterIsReportedWhereItIs() throws IOException {
        JsonNode doc = documents(false);
        String docs = text(TestData.write(Format.JSON, doc, TestData.context(false)));
        Path in = dir.resolve("bad.json");
        Files.writeString(in, "[" + docs + ", " + docs + ", tru]");
        Outcome two = convert(in, Format.CBOR, false, true);
        assertTrue(two.error().contains("line "), two.error());
        sameEitherWay(in, false);
    }
}
