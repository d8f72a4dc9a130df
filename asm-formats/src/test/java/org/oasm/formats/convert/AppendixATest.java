package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oasm.formats.document.DocumentException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conformance with the examples of RFC 8949 Appendix A ({@code shared/testdata/cbor/appendix_a.json}).
 * Every example is decoded; one with a {@code decoded} value must decode to it, one with only a
 * diagnostic must print as that diagnostic (chunked strings joined), and one marked
 * {@code roundtrip} must encode back to the same bytes from its decoded value. The one exception
 * is {@code f818} (simple(24)), from the RFC 7049 era: RFC 8949 section 3.3 makes a two-byte
 * simple value below 32 not well-formed, so it must be refused.
 */
class AppendixATest {

    @Test
    void everyExampleOfAppendixA() throws Exception {
        Path file = TestData.sharedTestdata().resolve("cbor/appendix_a.json");
        JsonNode all = JsonMapper.builder().build().readTree(Files.readString(file));
        int decodedPass = 0;
        int decodedTotal = 0;
        int diagnosticPass = 0;
        int diagnosticTotal = 0;
        int encodePass = 0;
        int encodeTotal = 0;
        List<String> failures = new ArrayList<>();
        for (JsonNode e : all) {
            String hex = e.path("hex").stringValue();
            byte[] cbor = Base64.getDecoder().decode(e.path("cbor").stringValue());
            if (hex.equals("f818")) {
                diagnosticTotal++;
                try {
                    TestData.readTree(Format.CBOR, cbor, TestData.context(true));
                    failures.add(hex + ": simple(24) in two bytes was accepted");
                } catch (DocumentException expected) {
                    diagnosticPass++;
                }
                continue;
            }
            if (e.has("decoded")) {
                decodedTotal++;
                JsonNode ours = TestData.readTree(Format.CBOR, cbor, TestData.context(true));
                if (TestData.same(ours, e.get("decoded"))) {
                    decodedPass++;
                } else {
                    failures.add(hex + ": decoded " + ours + ", expected " + e.get("decoded"));
                }
                if (e.path("roundtrip").asBoolean()) {
                    encodeTotal++;
                    byte[] json = e.get("decoded").toString().getBytes();
                    JsonNode fromJson = TestData.readTree(Format.JSON, json, TestData.context(false));
                    String encoded = HexFormat.of().formatHex(TestData.write(Format.CBOR, fromJson, TestData.context(false)));
                    if (encoded.equals(hex)) {
                        encodePass++;
                    } else {
                        failures.add(hex + ": encoded as " + encoded);
                    }
                }
            } else {
                diagnosticTotal++;
                TestData.readTree(Format.CBOR, cbor, TestData.context(true));
                String diag = diagnostic(cbor);
                String expected = joinChunks(e.path("diagnostic").stringValue());
                if (diag.equals(expected)) {
                    diagnosticPass++;
                } else {
                    failures.add(hex + ": diagnostic " + diag + ", expected " + expected);
                }
            }
        }
        System.out.printf("RFC 8949 Appendix A: decoded %d/%d, diagnostic %d/%d, re-encoded %d/%d%n",
                decodedPass, decodedTotal, diagnosticPass, diagnosticTotal, encodePass, encodeTotal);
        assertEquals(List.of(), failures);
        assertTrue(decodedTotal + diagnosticTotal == all.size());
    }

    private static String joinChunks(String diag) {
        if (diag.startsWith("(_ ")) {
            StringBuilder sb = new StringBuilder("h'");
            for (String part : diag.substring(3, diag.length() - 1).split(",\\s*")) {
                sb.append(part, 2, part.length() - 1);
            }
            return sb.append("'").toString();
        }
        return diag;
    }

    /** Diagnostic notation (RFC 8949 section 8) of one item, for the examples without a JSON value. */
    static String diagnostic(byte[] cbor) {
        CborDecoder d = new CborDecoder(new ByteArrayInputStream(cbor), 1 << 20);
        StringBuilder sb = new StringBuilder();
        item(d, d.next(), sb);
        return sb.toString();
    }

    private static void item(CborDecoder d, CborDecoder.Kind k, StringBuilder sb) {
        switch (k) {
            case UNSIGNED -> sb.append(Long.toUnsignedString(d.argument));
            case NEGATIVE -> sb.append(BigInteger.valueOf(-1).subtract(new BigInteger(Long.toUnsignedString(d.argument))));
            case BYTES -> sb.append("h'").append(HexFormat.of().formatHex(d.bytes)).append("'");
            case TEXT -> sb.append('"').append(d.text).append('"');
            case TAG -> {
                sb.append(Long.toUnsignedString(d.argument)).append('(');
                item(d, d.next(), sb);
                sb.append(')');
            }
            case ARRAY, MAP -> {
                boolean map = k == CborDecoder.Kind.MAP;
                long n = d.argument;
                sb.append(map ? '{' : '[');
                for (long i = 0; n < 0 || i < n; i++) {
                    CborDecoder.Kind next = d.next();
                    if (next == CborDecoder.Kind.BREAK) {
                        break;
                    }
                    if (i > 0) {
                        sb.append(", ");
                    }
                    item(d, next, sb);
                    if (map) {
                        sb.append(": ");
                        item(d, d.next(), sb);
                    }
                }
                sb.append(map ? '}' : ']');
            }
            case FALSE -> sb.append("false");
            case TRUE -> sb.append("true");
            case NULL -> sb.append("null");
            case UNDEFINED -> sb.append("undefined");
            case SIMPLE -> sb.append("simple(").append(d.argument).append(')');
            case FLOAT16, FLOAT32, FLOAT64 -> {
                double v = d.floatValue;
                if (Double.isNaN(v)) {
                    sb.append("NaN");
                } else if (Double.isInfinite(v)) {
                    sb.append(v > 0 ? "Infinity" : "-Infinity");
                } else {
                    String plain = new BigDecimal(Double.toString(v)).toPlainString();
                    sb.append(plain.contains(".") ? plain : plain + ".0");
                }
            }
            default -> sb.append("?").append(k);
        }
    }
}
