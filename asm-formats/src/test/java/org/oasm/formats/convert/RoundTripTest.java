package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Round-trip properties over random documents ({@link RandomDocuments}), for every pair of the
 * streaming formats: a document written in A, converted to B and back to A reads as the same
 * document. Pairs with JSON use documents JSON can hold (no byte strings, no NaN or infinities);
 * CBOR and YAML hold everything. Each pair runs {@link #DOCUMENTS} documents from fixed seeds.
 */
class RoundTripTest {

    static final int DOCUMENTS = 300;

    @TestFactory
    Stream<DynamicTest> everyPairRoundTrips() {
        List<DynamicTest> tests = new ArrayList<>();
        Format[] formats = {Format.JSON, Format.YAML, Format.CBOR};
        for (Format a : formats) {
            for (Format b : formats) {
                if (a == b) {
                    continue;
                }
                boolean json = a == Format.JSON || b == Format.JSON;
                tests.add(DynamicTest.dynamicTest(a.id() + " -> " + b.id() + " -> " + a.id(), () -> {
                    for (int seed = 0; seed < DOCUMENTS; seed++) {
                        JsonNode doc = new RandomDocuments(seed * 31L + a.ordinal() * 7 + b.ordinal(), !json, !json).document();
                        byte[] inA = TestData.write(a, doc, TestData.context(false));
                        JsonNode readA = TestData.readTree(a, inA, TestData.context(false));
                        byte[] inB = TestData.write(b, readA, TestData.context(false));
                        JsonNode readB = TestData.readTree(b, inB, TestData.context(false));
                        byte[] backA = TestData.write(a, readB, TestData.context(false));
                        JsonNode back = TestData.readTree(a, backA, TestData.context(false));
                        int s = seed;
                        assertTrue(TestData.same(doc, back), () -> "seed " + s + ": " + doc + "\n  became " + back
                                + "\n  via " + b.id() + ": " + new String(inB, java.nio.charset.StandardCharsets.UTF_8));
                    }
                }));
            }
        }
        return tests.stream();
    }
}
