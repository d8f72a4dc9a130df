package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentException;
import org.oasm.formats.document.Substitution;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;
import tools.jackson.databind.JsonNode;

/** The rules of docs/CONVERSION_RULES.md, one by one, with golden output where something renders. */
class ConversionRulesTest {

    @TempDir
    Path dir;

    private static String hex(String json) {
        JsonNode doc = TestData.readTree(Format.JSON, json.getBytes(StandardCharsets.UTF_8), TestData.context(false));
        return HexFormat.of().formatHex(TestData.write(Format.CBOR, doc, TestData.context(false)));
    }

    private static String cborToJson(String hex, Context c) {
        JsonNode doc = TestData.readTree(Format.CBOR, HexFormat.of().parseHex(hex), c);
        return new String(TestData.write(Format.JSON, doc, c), StandardCharsets.UTF_8).replaceAll("\\s+", "");
    }

    @Test
    void integersStayExactBeyond2To53And2To64() {
        assertEquals("1b0020000000000001", hex("9007199254740993"));
        assertEquals("1bffffffffffffffff", hex("18446744073709551615"));
        assertEquals("c249010000000000000000", hex("18446744073709551616"));
        assertEquals("3bffffffffffffffff", hex("-18446744073709551616"));
        assertEquals("c349010000000000000000", hex("-18446744073709551617"));
        assertEquals("[9007199254740993,18446744073709551616]", cborToJson("821b0020000000000001c249010000000000000000",
                TestData.context(false)));
    }

    @Test
    void floatsTakeTheShortestExactEncoding() {
        assertEquals("f93e00", hex("1.5"));
        assertEquals("f98000", hex("-0.0"));
        assertEquals("fa47c35000", hex("100000.0"));
        assertEquals("fb3ff199999999999a", hex("1.1"));
        assertEquals("f93c00", hex("1.0"));
        assertEquals("01", hex("1"));
    }

    @Test
    void inexactDecimalsAreRefusedUnlessLossy() {
        DocumentException e = assertThrows(DocumentException.class, () -> hex("3.14159265358979323846"));
        assertTrue(e.getMessage().contains("has more digits than a float64 holds"), e.getMessage());
        Context lossy = TestData.context(true);
        TestData.readTree(Format.JSON, "[1e400]".getBytes(StandardCharsets.UTF_8), lossy);
        assertEquals(List.of(new Substitution("/0", "1e400", "Infinity", "decimal 1e400 is beyond the float64 range")),
                lossy.substitutions());
    }

    @Test
    void decimalsCompareByValue() {
        assertTrue(Decimals.sameDecimal("0.1", "0.1"));
        assertTrue(Decimals.sameDecimal("100", "1.0E2"));
        assertTrue(Decimals.sameDecimal("1.5e3", "1500.0"));
        assertTrue(Decimals.sameDecimal("-0.000123", "-1.23E-4"));
        assertTrue(Decimals.sameDecimal("0.0", "0"));
        assertTrue(!Decimals.sameDecimal("0.1", "0.10000000000000001"));
        assertTrue(!Decimals.sameDecimal("-1.5", "1.5"));
        assertTrue(!Decimals.sameDecimal("1.5e3", "1.5e4"));
    }

    @Test
    void byteStringsBecomeBase64urlWithoutPadding() {
        assertEquals("\"-_8\"", cborToJson("42fbff", TestData.context(false)));
    }

    @Test
    void nonFiniteFloatsAreRefusedInJsonUnlessLossy() {
        DocumentException e = assertThrows(DocumentException.class, () -> cborToJson("a16178f97e00", TestData.context(false)));
        assertTrue(e.getMessage().endsWith("/x: JSON has no NaN (--lossy writes null)"), e.getMessage());
        Context lossy = TestData.context(true);
        assertEquals("{\"x\":null}", cborToJson("a16178f97e00", lossy));
        assertEquals("/x", lossy.substitutions().getFirst().pointer());
    }

    @Test
    void nonTextKeysTagsUndefinedAndSimpleValuesNeedLossy() {
        for (String hex : List.of("a10102", "c074323031332d30332d32315432303a30343a30305a", "f7", "f0")) {
            assertThrows(DocumentException.class, () -> cborToJson(hex, TestData.context(false)), hex);
        }
        Context lossy = TestData.context(true);
        assertEquals("{\"1\":2}", cborToJson("a10102", lossy));
        assertEquals("\"2013-03-21T20:04:00Z\"", cborToJson("c074323031332d30332d32315432303a30343a30305a", lossy));
        assertEquals("null", cborToJson("f7", lossy));
        assertEquals(3, lossy.substitutionCount());
        assertEquals("18446744073709551616", cborToJson("d9d9f7c249010000000000000000", TestData.context(false)),
                "bignums and the self-describe tag convert exactly");
    }

    @Test
    void yamlFollowsTheCoreSchemaOfYaml12() {
        String yaml = "a: yes\nb: 0o17\nc: 0x1F\nd: 0755\ne: on\nf: .inf\ng: ~\nh: 1e3\ni: '1.0'\nj: !!binary AAEC\nk: True\n";
        JsonNode doc = TestData.readTree(Format.YAML, yaml.getBytes(StandardCharsets.UTF_8), TestData.context(false));
        assertEquals("yes", doc.get("a").stringValue());
        assertEquals(15, doc.get("b").intValue());
        assertEquals(31, doc.get("c").intValue());
        assertEquals(755, doc.get("d").intValue());
        assertEquals("on", doc.get("e").stringValue());
        assertEquals(Double.POSITIVE_INFINITY, doc.get("f").doubleValue());
        assertTrue(doc.get("g").isNull());
        assertEquals(1000.0, doc.get("h").doubleValue());
        assertTrue(doc.get("h").isFloatingPointNumber());
        assertEquals("1.0", doc.get("i").stringValue());
        assertTrue(doc.get("j").isBinary());
        assertTrue(doc.get("k").booleanValue());
        String back = new String(TestData.write(Format.YAML, doc, TestData.context(false)), StandardCharsets.UTF_8);
        assertEquals("a: yes\nb: 15\nc: 31\nd: 755\ne: on\nf: .inf\ng: null\nh: 1000.0\ni: '1.0'\nj: !!binary \"AAEC\"\nk: true\n", back);
    }

    @Test
    void nonTextYamlKeysNeedLossy() {
        byte[] yaml = "1: one\n[a, b]: pair\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(DocumentException.class, () -> TestData.readTree(Format.YAML, yaml, TestData.context(false)));
        JsonNode doc = TestData.readTree(Format.YAML, yaml, TestData.context(true));
        assertEquals("{\"1\":\"one\",\"[\\\"a\\\",\\\"b\\\"]\":\"pair\"}", doc.toString());
    }

    private Path resource(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = ConversionRulesTest.class.getResourceAsStream(name)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ConversionRulesTest.class.getResourceAsStream("ConversionRulesTest-" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void yamlOverlay() throws IOException {
        Path in = resource("cli_state.json");
        SchemaRegistry registry = SchemaRegistry.open(new OasmRoot(dir));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Converter.toStream(in, Format.YAML, out, Converter.Options.strict().withSchema("cli_state", registry));
        assertEquals(golden("yamlOverlay.yaml"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void cborWithSchemaRefusesAnInvalidDocumentListingEveryViolation() throws IOException {
        Path in = dir.resolve("bad.json");
        Files.writeString(in, "{\"timestamp\": 5, \"last_exit_status\": \"zero\", \"aliases\": {\"ll\": 3}}");
        SchemaRegistry registry = SchemaRegistry.open(new OasmRoot(dir));
        Path out = dir.resolve("bad.cbor");
        SchemaViolations v = assertThrows(SchemaViolations.class,
                () -> Converter.toFile(in, Format.CBOR, out, Converter.Options.strict().withSchema("cli_state", registry)));
        assertEquals(golden("cborWithSchemaRefuses.txt").replace("FILE", in.toString()), v.getMessage() + "\n");
        assertTrue(Files.notExists(out));
        Files.writeString(in, Files.readString(resource("cli_state.json")));
        Converter.toFile(in, Format.CBOR, out, Converter.Options.strict().withSchema("cli_state", registry));
        assertTrue(Files.size(out) > 0);
    }
}
