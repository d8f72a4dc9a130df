package org.oasm.formats.hdf5;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.convert.Converter;
import org.oasm.formats.convert.Documents;
import org.oasm.formats.convert.Format;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Round-trip property for HDF5 and every other format: random HDF5 document trees (nested
 * groups; datasets of every dtype, rank 0 to 3, values at the edges of each type; plain and typed
 * attributes, typed only where the dtype is not the one the plain form implies, as the reader
 * writes them) written as JSON, converted to HDF5, from HDF5 to YAML and to CBOR, back to HDF5 and
 * to JSON, read back as the same document. Every group has a member: jHDF 0.13 cannot write some
 * layouts with empty groups ({@link #emptyGroupsAreWrittenReadablyOrRefused}).
 */
class Hdf5RoundTripTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void randomTreesRoundTripThroughEveryFormat() throws IOException {
        for (int seed = 0; seed < 40; seed++) {
            Random r = new Random(seed);
            JsonNode doc = group(r, 0);
            Path json = dir.resolve("doc" + seed + ".json");
            Files.writeString(json, doc.toString());
            Path h5 = dir.resolve("doc" + seed + ".h5");
            Converter.toFile(json, Format.HDF5, h5, Converter.Options.strict());
            for (Format via : new Format[] {Format.YAML, Format.CBOR, Format.JSON}) {
                Path mid = dir.resolve("doc" + seed + "." + via.id());
                Converter.toFile(h5, via, mid, Converter.Options.strict());
                Path again = dir.resolve("doc" + seed + "-" + via.id() + ".h5");
                Converter.toFile(mid, Format.HDF5, again, Converter.Options.strict());
                Path back = dir.resolve("doc" + seed + "-" + via.id() + ".back.json");
                Converter.toFile(again, Format.JSON, back, Converter.Options.strict());
                JsonNode read = JSON.readTree(Files.readString(back));
                int s = seed;
                assertTrue(Documents.same(doc, read), () -> "seed " + s + " via " + via.id() + ":\n" + doc + "\nbecame\n" + read);
            }
        }
    }

    @Test
    void emptyGroupsAreWrittenReadablyOrRefused() throws IOException {
        Hdf5InteropTest.requireH5dump();
        String[] layouts = {
            "{\"a\": %1$s, \"b\": %2$s}", "{\"b\": %2$s}", "{\"a\": %1$s, \"c\": %1$s, \"b\": %2$s}",
            "{\"g\": {\"kind\": \"group\", \"attributes\": {}, \"members\": {\"in\": %1$s}}, \"b\": %2$s}"};
        String ds = "{\"kind\": \"dataset\", \"dtype\": \"int32\", \"shape\": [3], \"attributes\": {}, \"data\": [1, 2, 3]}";
        String empty = "{\"kind\": \"group\", \"attributes\": {\"t\": \"x\"}, \"members\": {}}";
        int i = 0;
        for (String layout : layouts) {
            Path json = dir.resolve("layout" + i + ".json");
            Files.writeString(json, "{\"kind\": \"group\", \"attributes\": {}, \"members\": "
                    + String.format(layout, ds, empty) + "}");
            Path h5 = dir.resolve("layout" + i++ + ".h5");
            try {
                Converter.toFile(json, Format.HDF5, h5, Converter.Options.strict());
            } catch (org.oasm.formats.document.DocumentException e) {
                assertTrue(e.getMessage().contains("jHDF 0.13 wrote this tree as an HDF5 file it cannot read back"), e.getMessage());
                assertTrue(Files.notExists(h5));
                continue;
            }
            assertTrue(Hdf5InteropTest.run(java.util.List.of("h5dump", "-n", h5.toString()), null).status() == 0,
                    "h5dump cannot open " + layout);
        }
    }

    private static ObjectNode group(Random r, int depth) {
        ObjectNode g = NODES.objectNode();
        g.put("kind", "group");
        g.set("attributes", attributes(r));
        ObjectNode members = g.putObject("members");
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            members.set("m" + i + "_" + r.nextInt(100), depth < 2 && r.nextInt(3) == 0 ? group(r, depth + 1) : dataset(r));
        }
        return g;
    }

    private static ObjectNode attributes(Random r) {
        ObjectNode a = NODES.objectNode();
        if (r.nextBoolean()) {
            a.put("text", "t" + r.nextInt(1000));
        }
        if (r.nextBoolean()) {
            a.put("int", r.nextLong());
        }
        if (r.nextBoolean()) {
            a.put("float", r.nextDouble());
        }
        if (r.nextBoolean()) {
            a.put("flag", r.nextBoolean());
        }
        if (r.nextBoolean()) {
            Dtype dt = Dtype.values()[r.nextInt(Dtype.values().length)];
            int[] shape = r.nextBoolean() ? new int[0] : new int[] {1 + r.nextInt(3)};
            if (dt == Dtype.STRING || dt == Dtype.INT64 || dt == Dtype.FLOAT64 || dt == Dtype.BOOL) {
                a.set("plain", data(r, dt, shape, 0));
            } else {
                ObjectNode typed = a.putObject("typed");
                typed.put("dtype", dt.id());
                typed.set("shape", shapeNode(shape));
                typed.set("data", data(r, dt, shape, 0));
            }
        }
        return a;
    }

    private static ObjectNode dataset(Random r) {
        Dtype dt = Dtype.values()[r.nextInt(Dtype.values().length)];
        int rank = r.nextInt(4);
        int[] shape = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = 1 + r.nextInt(3);
        }
        ObjectNode d = NODES.objectNode();
        d.put("kind", "dataset");
        d.put("dtype", dt.id());
        d.set("shape", shapeNode(shape));
        d.set("attributes", attributes(r));
        d.set("data", data(r, dt, shape, 0));
        return d;
    }

    private static ArrayNode shapeNode(int[] shape) {
        ArrayNode a = NODES.arrayNode();
        for (int s : shape) {
            a.add(s);
        }
        return a;
    }

    private static JsonNode data(Random r, Dtype dt, int[] shape, int level) {
        if (level == shape.length) {
            return value(r, dt);
        }
        ArrayNode a = NODES.arrayNode();
        for (int i = 0; i < shape[level]; i++) {
            a.add(data(r, dt, shape, level + 1));
        }
        return a;
    }

    private static JsonNode value(Random r, Dtype dt) {
        boolean edge = r.nextInt(3) == 0;
        return switch (dt) {
            case INT8 -> NODES.numberNode(edge ? (r.nextBoolean() ? -128 : 127) : r.nextInt(256) - 128);
            case INT16 -> NODES.numberNode(edge ? (r.nextBoolean() ? Short.MIN_VALUE : Short.MAX_VALUE) : r.nextInt(65536) - 32768);
            case INT32 -> NODES.numberNode(edge ? (r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE) : r.nextInt());
            case INT64 -> NODES.numberNode(edge ? (r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) : r.nextLong());
            case UINT8 -> NODES.numberNode(edge ? 255 : r.nextInt(256));
            case UINT16 -> NODES.numberNode(edge ? 65535 : r.nextInt(65536));
            case UINT32 -> NODES.numberNode(edge ? 0xffffffffL : r.nextLong(0x100000000L));
            case UINT64 -> NODES.numberNode(edge ? BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE) : new BigInteger(64, r));
            case FLOAT32 -> NODES.numberNode((double) (edge ? Float.MAX_VALUE : r.nextFloat() * 1000 - 500));
            case FLOAT64 -> NODES.numberNode(edge ? -0.0 : r.nextDouble() * 1e10);
            case STRING -> NODES.stringNode(edge ? "" : "s" + r.nextInt(1000) + (r.nextBoolean() ? " ✓ü" : ""));
            case BOOL -> NODES.booleanNode(r.nextBoolean());
        };
    }
}
