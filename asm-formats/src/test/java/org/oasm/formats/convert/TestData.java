package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;
import org.oasm.formats.document.Limits;
import org.oasm.formats.document.TreeSink;
import org.oasm.formats.document.TreeSource;
import tools.jackson.databind.JsonNode;

/** Helpers shared by the conversion tests: the shared conformance data, conversions in memory, tree equality. */
final class TestData {

    private TestData() {
    }

    /** {@code shared/testdata} beside the repository root (as CI lays it out), or a skip. */
    static Path sharedTestdata() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "no shared/testdata beside the repository (" + dir + "): conformance data absent");
        return null;
    }

    static Context context(boolean lossy) {
        return new Context("test", Limits.DEFAULT, lossy);
    }

    static JsonNode readTree(Format f, byte[] bytes, Context c) {
        TreeSink tree = new TreeSink();
        DocumentSink sink = c.checked(tree);
        switch (f) {
            case JSON -> new JsonReader(c).read(new ByteArrayInputStream(bytes), sink);
            case YAML -> new YamlReader(c).read(new ByteArrayInputStream(bytes), sink);
            case CBOR -> new CborReader(c).read(new ByteArrayInputStream(bytes), sink);
            default -> throw new IllegalArgumentException(f.toString());
        }
        return tree.root();
    }

    static byte[] write(Format f, JsonNode doc, Context c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocumentSink w = switch (f) {
            case JSON -> new JsonWriter(out, c, true);
            case YAML -> new YamlWriter(out, null);
            case CBOR -> new CborWriter(out);
            default -> throw new IllegalArgumentException(f.toString());
        };
        TreeSource.replay(doc, c.checked(w));
        return out.toByteArray();
    }

    static boolean same(JsonNode a, JsonNode b) {
        return Documents.same(a, b);
    }
}
