package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.document.DocumentException;
import tools.jackson.databind.JsonNode;

/**
 * The fast conversions ({@link JsonToCbor}, {@link CborToJson}, both in halves on two threads,
 * and {@link YamlToJson}) against the general path: for every input, the same output bytes, or the same error
 * message, whichever path does the work. Inputs are random documents, hand-written edge cases,
 * and large arrays split at places chosen to fool the second reader.
 */
class FastPathTest {

    @TempDir
    Path dir;

    private int files;

    /** What a conversion gave: its output, or its error message; and the substitutions it recorded. */
    private record Outcome(byte[] output, String error, List<?> substitutions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome other && java.util.Arrays.equals(output, other.output)
                    && java.util.Objects.equals(error, other.error) && substitutions.equals(other.substitutions);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(output);
        }

        @Override
        public String toString() {
            return error != null ? "error: " + error
                    : new String(output, 0, Math.min(output.length, 300), StandardCharsets.ISO_8859_1);
        }
    }

    private Path file(String extension, byte[] content) {
        Path p = dir.resolve("in" + (files++) + "." + extension);
        try {
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private Outcome convert(Path in, Format to, Converter.Options options) {
        Path out = dir.resolve("out." + to.id());
        try {
            Converter.Result r = Converter.toFile(in, to, out, options);
            return new Outcome(Files.readAllBytes(out), null, r.substitutions());
        } catch (DocumentException e) {
            return new Outcome(null, e.getMessage(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Converts {@code in} with the fast paths on (whole and in halves) and off: all must agree. Returns the outcome. */
    private Outcome agree(Path in, Format to, Converter.Options options) {
        Outcome general = convert(in, to, options.withFastPaths(false));
        Outcome fast = convert(in, to, options.withHalvesFrom(Long.MAX_VALUE));
        assertEquals(general, fast, () -> in + " to " + to.id() + " on the fast path");
        Outcome halves = convert(in, to, options.withHalvesFrom(1024));
        assertEquals(general, halves, () -> in + " to " + to.id() + " in halves");
        return general;
    }

    private Outcome agree(Path in, Format to) {
        return agree(in, to, Converter.Options.strict());
    }

    private Outcome json(String text) {
        return agree(file("json", text.getBytes(StandardCharsets.UTF_8)), Format.CBOR);
    }

    private Outcome cbor(byte[] bytes) {
        return agree(file("cbor", bytes), Format.JSON);
    }

    private static byte[] hex(String h) {
        return java.util.HexFormat.of().parseHex(h.replace(" ", ""));
    }

    @Test
    void randomDocumentsConvertAlikeBothWays() {
        for (int seed = 0; seed < 150; seed++) {
            JsonNode doc = new RandomDocuments(seed * 7919L, false, false).document();
            byte[] compact = write(Format.JSON, doc, false);
            byte[] indented = write(Format.JSON, doc, true);
            agree(file("json", compact), Format.CBOR);
            agree(file("json", indented), Format.CBOR);
            JsonNode any = new RandomDocuments(seed * 104729L, true, true).document();
            agree(file("cbor", TestData.write(Format.CBOR, any, TestData.context(false))), Format.JSON);
            agree(file("cbor", TestData.write(Format.CBOR, any, TestData.context(false))), Format.JSON,
                    Converter.Options.strict().withLossy(true));
        }
    }

    private static byte[] write(Format f, JsonNode doc, boolean indented) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.oasm.formats.document.TreeSource.replay(doc, new JsonWriter(out, TestData.context(false), indented));
        return out.toByteArray();
    }

    @Test
    void jsonEdgeCasesConvertAlike() {
        String[] cases = {
            "0", "-0", "1", "-1", "1e5", "1E-5", "0.1", "-0.0", "1.5e300", "4.9e-324", "1.7976931348623157e308",
            "100000.0", "1.0", "0.30000000000000004", "1.50000000000000000000", "0.000001", "123456789012345",
            "9007199254740993", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
            "18446744073709551615", "18446744073709551616", "-18446744073709551617", "9999999999999999999",
            "-9999999999999999999", "-9223372036854775809", "1000000000000000000", "-1000000000000000000",
            "123456789012345678901234567890123456789012345678901234567890",
            "1e400", "-1e400", "1e-400", "3.14159265358979323846", "0.1000000000000000055511151231257827",
            "01", "1.", ".5", "-", "+1", "1e", "1e+", "0x10", "1.5.3", "NaN", "Infinity",
            "true", "false", "null", "tru", "nul", "falsey", "truex",
            "\"\"", "\"plain\"", "\"\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\\b\\f\\r\"", "\"\\u0000\\u001f\\u007f\"",
            "\"\\ud800\"", "\"a\\udc00b\"", "\"\\ud83d\"", "\"\\ud83dx\"", "\"\\x\"", "\"\\u12\"", "\"\\uZZZZ\"",
            "\"tab\there\"", "\"ünïcødé 😀\"", "\"unterminated", "[", "]", "{", "}", "[1,]", "[,1]", "{\"a\"}", "{\"a\":}",
            "{\"a\":1,}", "{\"a\" 1}", "{1:2}", "[1 2]", "[] []", "[]x", " [ ] ", "\n\t{ \"a\" : [ 1 , { } , [ ] ] }\r\n",
            "{}", "[]", "[[[[[]]]]]", "{\"a\":{\"b\":{\"c\":[]}}}",
            "{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":{\"a\":2},\"c\":[{\"a\":3,\"a\":4}]}", "{\"\":1,\"\":2}",
            "{\"aaaaaaaaXaaaaaaaaa\":1,\"aaaaaaaaYaaaaaaaaa\":2}", "{\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\":1}",
            "{\"k\\u0065y\":1,\"key\":2}", "{\"é\":1,\"\\u00e9\":2}",
            "\ufeff[1]", "[1]\u0000",
        };
        for (String c : cases) {
            json(c);
        }
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 1000; i++) {
            wide.append(i == 0 ? "" : ",").append("\"key").append(i).append("\":").append(i);
        }
        json(wide + "}");
        assertTrue(json(wide + ",\"key999\":0}").error().contains("duplicate key \"key999\""));
        json("[" + "[".repeat(511) + "]".repeat(511) + "]");
        assertTrue(json("[" + "[".repeat(512) + "]".repeat(512) + "]").error().contains("nesting deeper than 512"));
    }

    private Outcome yaml(String text) {
        return agree(file("yaml", text.getBytes(StandardCharsets.UTF_8)), Format.JSON);
    }

    /** Runs {@link YamlToJson} alone: its output, or null when it gives up. */
    private byte[] yamlFastPathAlone(String text) throws IOException {
        Path in = file("yaml", text.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(in)) {
            new YamlToJson(ch, out, org.oasm.formats.document.Limits.DEFAULT).run();
            return out.toByteArray();
        } catch (FastPath.GiveUp e) {
            return null;
        }
    }


    @Test
    void randomDocumentsAsYamlConvertAlike() {
        for (int seed = 0; seed < 300; seed++) {
            JsonNode doc = new RandomDocuments(seed * 7919L, false, false).document();
            agree(file("yaml", TestData.write(Format.YAML, doc, TestData.context(false))), Format.JSON);
        }
    }

    /** Random records of ordinary data, written by our YAML writer: the fast path takes them all. */
    @Test
    void randomRecordsAsYamlTakeTheFastPathAndConvertAlike() throws IOException {
        java.util.Random r = new java.util.Random(8949);
        String[] words = {"alpha", "beta gamma", "delta", "x-y", "a.b", "v1", "yes", "no", "off", "http://x/y", "C:\\dir",
            "ünïcødé", "日本語", "😀 ok"};
        tools.jackson.databind.node.JsonNodeFactory f = tools.jackson.databind.node.JsonNodeFactory.instance;
        for (int seed = 0; seed < 100; seed++) {
            tools.jackson.databind.node.ArrayNode records = f.arrayNode();
            for (int i = 0; i < 1 + r.nextInt(20); i++) {
                tools.jackson.databind.node.ObjectNode o = records.addObject();
                o.put("id", r.nextLong() >> r.nextInt(64));
                o.put("name", words[r.nextInt(words.length)]);
                o.put("score", r.nextInt(4) == 0 ? r.nextDouble() * Math.pow(10, r.nextInt(40) - 20) : Math.round(r.nextDouble() * 1e6) / 1e3);
                o.put("active", r.nextBoolean());
                o.putNull("note");
                tools.jackson.databind.node.ArrayNode tags = o.putArray("tags");
                for (int t = r.nextInt(4); t > 0; t--) {
                    tags.add(words[r.nextInt(words.length)]);
                }
                o.putObject("position").put("x", r.nextDouble()).put("label", "p" + i).putObject("empty");
                o.putArray("nested").addArray().add(1).add("two");
            }
            byte[] yaml = TestData.write(Format.YAML, records, TestData.context(false));
            String text = new String(yaml, StandardCharsets.UTF_8);
            byte[] fast = yamlFastPathAlone(text);
            assertTrue(fast != null, () -> "the fast path gave up on\n" + text);
            Outcome general = agree(file("yaml", yaml), Format.JSON);
            assertArrayEquals(general.output(), fast);
        }
    }

    @Test
    void yamlEdgeCasesConvertAlike() {
        String[] cases = {
            // what the fast path takes: records as programs write them
            "- id: 0\n  name: kappa kappa\n  score: 299.21351\n  big: 1152921504606846976\n  ok: true\n  note: null\n"
                + "  tags: [zeta, iota]\n  position:\n    x: 0.9363454805348833\n    y: 1.4241455993380114e-06\n",
            "a: 1\nb:\n  c: [1, 2.5, x y, true, ~, null]\n  d: []\n  e: [ ]\nf: 'single'\ng: \"double\"\n",
            "key:\n- a\n- b\nother: 1\n", "key:\n  - a\n  -\n  - - nested\n", "- \n- a\n-\n", "a:\nb:\n",
            "a:\n\n  # a comment line\n  b: 1\n\n", "a: 1\n  b: 2\n", "a: 1\n b: 2\n", "- a\n  b\n", "a: b\n  c\n",
            "a: x # comment\n", "a: x#not a comment\n", "a: http://x.y/z?q=1\n", "a: b: c\n", "a: 'it''s'\n",
            "a: \"esc\\n\"\n", "a: 'unclosed\n  more'\n", "a: \"x\" y\n", "a: [a, [b]]\n", "a: [a, {b: c}]\n", "a: [a, ]\n",
            "a: [a, , b]\n", "a: [a: b]\n", "a: [-1, - x]\n", "a: [a\n  , b]\n", "a: {b: c}\n", "a: &x 1\nb: *x\n", "a: !!str 1\n",
            "a: |\n  text\n", "a: >\n  folded\n", "? a\n: b\n", "\"a\": 1\n", "'a': 1\n", "1: a\n", "null: a\n", "true: a\n",
            "~: a\n", "a: 1\na: 2\n", "a:\n  x: 1\nb:\n  x: 2\n", "- x: 1\n  x: 2\n", "--- \na: 1\n", "a: 1\n...\n",
            "%YAML 1.2\n---\na: 1\n", "a: 1\n---\nb: 2\n", "plain\n", "- a\nb: 1\n", "a: 1\n- b\n", "a:\tb\n", "\ta: b\n",
            "a: b\r\nc: d\r\n", "a: ü\n", "\ufeffa: 1\n", "a: \u007f\n", "", "# only a comment\n", "\n\n",
            "a: 0\nb: -0\nc: 007\nd: +1\ne: 0o17\nf: 0x1F\ng: 1_000\nh: 1e3\ni: .5\nj: 1.\nk: -.5\nl: .inf\nm: .NaN\n",
            "a: -0.0\nb: 1.0\nc: 1.50\nd: 100.0\ne: 0.1e1\nf: 1.5E+300\ng: 4.9e-324\nh: 1.7976931348623157e308\n",
            "a: 0.30000000000000004\nb: 3.14159265358979323846\nc: 1.0e400\nd: 1.5e\ne: 2.5e-\n",
            "a: 9007199254740993\nb: -9223372036854775809\nc: 123456789012345678901234567890\n",
            "a: Null\nb: NULL\nc: True\nd: FALSE\ne: yes\nf: no\ng: on\nh: nulls\ni: truex\n",
            "a: -x\nb: -\nc: ?x\nd: :x\ne: x:y\nf: '' \ng: \"\"\nh: a\"b\ni: a\\b\nj: a'b\n",
            "a:    spaced   \nb:  [  x  ,  y  ]  \n", "a : 1\n", "a:1\n", "- - a\n", "-a: 1\n", "-1: a\n", "a: 1 \n",
            "  a: 1\n  b: 2\n", "- a: 1\n  b:\n    - c\n    - d: e\n      f: g\n- h\n",
            "x:\n- a: 1\n  b: 2\n- c: 3\ny: 4\n", "<<: {a: 1}\n", "<<: 1\n", "a: @x\n", "a: `x\n", "a: %x\n",
            "x:y: 1\n", "a: x:y:z\n", "a: 'x' # c\n", "- [a]\n- {}\n- ''\n", "a: {}\nb: { }\nc: {a}\nd: {}x\n",
            "- -\n  - a\n", "- - - a\n    - b\n  - c\n- d\n", "- - a: 1\n    b: 2\n", "- a: - b\n", "a:\n- b\n  c: d\n",
            "a:\n    b: 1\n  c: 2\n", "a:\n  - 1\n   - 2\n", ": 1\n", "a:   \n", "- # c\n  a: 1\n", "1.5: a\n", ".inf: a\n",
            "a: 00\nb: 0.10000000000000000555\nc: 1e3\nd: 1.5e-7\ne: 12.5E3\nf: -1.0e+2\n", "a: [1,2]\nb: [true,~]\n",
            "---x: 1\n", "a: b\n\n\n", "a:\n\n- x\n", "a: x - y\nb: x -y\nc: 'a: b'\nd: \"# no\"\n",
            "a: ü\nü: 1\nb: [é, ü ü]\nc: 😀\n- 日本語: テスト\n", "- 日本語: テスト\n  ключ: значение\n- 'é'\n- \"😀\"\n",
            "a: \u0085\n", "a: x\u2028y\n", "a: x\u2029y\n", "a: \u00a0x\n", "a: x\u00a0\n", "a: \ufeff\n", "a: \uffff\n",
            "a: x # comment\nb: 'q' # c\nc: \"d\"   # c\nd: [1, 2] # c\ne: {} # c\nf: # c\n  g: 1 # c\n- # c\n",
            "- x # c\n- # c\n  a: 1\n- - y # c\n", "a: 'x'#c\n", "a: 'x' #c 'y'\n", "a: x #c: d\n", "a #c: d\n", "a: [x #c]\n",
            "a: 'x # not a comment'\nb: \"y # nor this\"\n", "a: x\t# c\n", "key:    # c\n\n  # c\n  sub: 1  # c\n",
            "a: |\n  one\n  two\n\n  three\nb: 1\n", "a: |-\n  x\n\n\nb: 1\n", "a: |+\n  x\n\n\nb: 1\n", "a: |+\n  x\n",
            "a: |\n\n  x\n   y\n    \n  z\n# c\nb: |\nc: |\n\n\nd: 1\n", "- |\n  item\n- |-\n   deeper\n- x\n",
            "a:\n  b: |\n    nested\n      more\n  c: 1\n", "a: |\n    \n  x\n", "a: |2\n  x\n", "a: |  # c\n  x\n",
            "a: |\n  x", "a: |\n  x\n\n", "a: |+\n\n", "a: |\nb: 1\n", "a: |\n  # not a comment\n  x\n", "a: >\n  folded\n",
            "a: |\n  tab\there\n", "a: |\n  ü 😀\n", "- a: |\n    in compact\n  b: 2\n", "a: |x\n", "a: | x\n",
            "a: \u0080\n", "a: \u009f\n", "a: \u00a0\n", "a: \ud7ff\ue000\ufffd\n", "é: 1\né: 2\n", "a: x\u3000y\n",
        };
        for (String c : cases) {
            yaml(c);
        }
        for (String h : new String[] {"613a20ff0a", "613a20c3", "613a20c30a", "613a20eda0800a", "613a20c0af0a", "613a20f4908080",
                "efbbbf613a20310a", "feff0061003a00200031", "613a20e282", "613a20e2828c0a"}) {
            agree(file("yaml", hex(h)), Format.JSON);
        }
        StringBuilder wide = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            wide.append("key").append(i).append(": ").append(i).append('\n');
        }
        yaml(wide.toString());
        assertTrue(yaml(wide + "key999: 0\n").error().contains("key999"));
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            deep.append(" ".repeat(i)).append("k:\n");
        }
        yaml(deep.toString());
    }

    @Test
    void theYamlFastPathTakesRecordsAndGivesUpOnWhatItLeaves() throws IOException {
        String records = "- id: 1\n  name: a b\n  x: 0.5\n  tags: [a, 1]\n  p:\n    q: 1.4241455993380114e-06\n- id: 2\n  name: c\n";
        assertEquals("[{\"id\":1,\"name\":\"a b\",\"x\":0.5,\"tags\":[\"a\",1],\"p\":{\"q\":1.4241455993380114E-6}},"
                + "{\"id\":2,\"name\":\"c\"}]\n", new String(yamlFastPathAlone(records), StandardCharsets.UTF_8));
        assertEquals("{\"ü\":\"日本 😀\"}\n", new String(yamlFastPathAlone("ü: 日本 😀\n"), StandardCharsets.UTF_8));
        assertEquals("{\"a\":\"one\\n\\ntwo\\n\",\"b\":\"x\"}\n",
                new String(yamlFastPathAlone("a: |\n  one\n\n  two\n\nb: |-\n  x\n"), StandardCharsets.UTF_8));
        assertEquals("{\"a\":\"x\",\"b\":{\"c\":1}}\n", new String(yamlFastPathAlone("a: x # c\nb: # c\n  c: 1 # c\n"),
                StandardCharsets.UTF_8));
        for (String left : new String[] {"a: &x 1\n", "a: 'x'#c\n", "a: \u0085\n", "a: >\n  t\n", "a: b\n  c\n", "1: a\n", "a: .5\n"}) {
            assertEquals(null, yamlFastPathAlone(left), left);
        }
    }

    @Test
    void fastPathsReportProgressAsTotalsUpToTheInputSize() throws IOException {
        StringBuilder yaml = new StringBuilder();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 20_000; i++) {
            yaml.append("- id: ").append(i).append("\n  name: n").append(i).append('\n');
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
        }
        Path cbor = dir.resolve("progress.cbor");
        Converter.toFile(file("json", json.append("]").toString().getBytes(StandardCharsets.UTF_8)), Format.CBOR, cbor,
                Converter.Options.strict());
        for (Path in : List.of(file("yaml", yaml.toString().getBytes(StandardCharsets.UTF_8)), cbor)) {
            java.util.List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            Converter.toFile(in, Format.JSON, dir.resolve("progress.out"),
                    Converter.Options.strict().withProgress(seen::add));
            assertTrue(seen.size() > 1, in + ": " + seen);
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) >= seen.get(i - 1), in + " went back: " + seen);
            }
            assertEquals(Files.size(in), seen.get(seen.size() - 1), in + ": " + seen);
        }
    }

    @Test
    void yamlTestSuiteConvertsAlikeOnBothPaths() throws IOException {
        for (YamlTestSuiteTest.Case c : YamlTestSuiteTest.cases()) {
            agree(file("yaml", c.yaml()), Format.JSON);
        }
    }

    @Test
    void stringsLongerThanTheReadWindowConvertAlike() {
        String plain = "abcdefgh".repeat(40_000);
        String mixed = "x\\u00e9\\n😀ü\\\"".repeat(30_000);
        Outcome o = json("[\"" + plain + "\",{\"" + "k".repeat(100_000) + "\":\"" + mixed + "\"},\"" + plain + "é\"]");
        cbor(o.output());
        json("{\"" + mixed + "\":1,\"" + mixed + "\":2}");
    }

    @Test
    void jsonThatIsNotUtf8OrHasControlsConvertsAlike() {
        agree(file("json", new byte[] {'[', '"', (byte) 0xc3, '"', ']'}), Format.CBOR);
        agree(file("json", new byte[] {'[', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', ']'}), Format.CBOR);
        agree(file("json", new byte[] {'[', '"', (byte) 0xc0, (byte) 0x80, '"', ']'}), Format.CBOR);
        agree(file("json", new byte[] {'[', '"', 1, '"', ']'}), Format.CBOR);
        agree(file("json", "[\"a\"]".getBytes(StandardCharsets.UTF_16BE)), Format.CBOR);
        agree(file("json", "[\"a\"]".getBytes(StandardCharsets.UTF_16LE)), Format.CBOR);
        agree(file("json", new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '[', '1', ']'}), Format.CBOR);
    }

    @Test
    void unpairedSurrogatesAreRefusedOrReplacedWhenLossy() {
        Outcome strict = json("[\"ok\",\"\\ud800\"]");
        assertTrue(strict.error().contains("/1: text holds the unpaired surrogate \\ud800"), strict.error());
        Outcome lossy = agree(file("json", "[\"\\ud800x\"]".getBytes(StandardCharsets.UTF_8)), Format.CBOR,
                Converter.Options.strict().withLossy(true));
        assertArrayEquals(hex("81 64 efbfbd78"), lossy.output());
        assertEquals(1, lossy.substitutions().size());
    }

    @Test
    void lossyDecimalsTakeTheGeneralPathAndRecordTheirSubstitutions() {
        Outcome o = agree(file("json", "[1, 3.14159265358979323846, 1e400]".getBytes(StandardCharsets.UTF_8)), Format.CBOR,
                Converter.Options.strict().withLossy(true));
        assertEquals(2, o.substitutions().size());
    }

    @Test
    void cborEdgeCasesConvertAlike() {
        String[] cases = {
            "00", "17", "1818", "190100", "1a00010000", "1b0000000100000000", "1bffffffffffffffff", "20", "3bffffffffffffffff",
            "3b7fffffffffffffff", "c249010000000000000000", "c349010000000000000000", "c240", "c340", "c2a0",
            "f4", "f5", "f6", "f7", "f0", "f820", "f818", "f93c00", "f97c00", "f97e00", "f98000", "fa47c35000",
            "fb3ff199999999999a", "fb7ff0000000000000", "fa7fc00000",
            "60", "6161", "62c3a9", "61ff", "62c0a0", "63eda080", "7f616161ff", "40", "4401020304", "5f4101ff",
            "80", "a0", "9f01ff", "bf6161 01ff", "bf01 01ff", "a1 01 02", "a2 6161 01 6161 02", "9f", "bf6161", "ff",
            "83010203", "98030102 03", "9a00000003010203", "820102 03", "d9d9f7 83010203", "d9d9f7 d9d9f7 01",
            "c0 74 323031332d30332d32315432303a30343a30305a", "d818 4101", "c1 1a514b67b0", "8301", "a16161",
            "7a00000002 6161", "62 6180", "61 22", "61 5c", "65 1f00077f0a",
        };
        for (String c : cases) {
            cbor(hex(c));
        }
        StringBuilder deep = new StringBuilder();
        deep.append("81".repeat(512)).append("00");
        cbor(hex(deep.toString()));
        cbor(hex("d9d9f7" + deep));
        cbor(hex("81".repeat(511) + "c24101"));
        cbor(hex("81".repeat(512) + "c24101"));
    }

    @Test
    void nonFiniteAndTagsUnderLossyTakeTheGeneralPath() {
        Outcome o = agree(file("cbor", hex("84 f97e00 c1 00 f7 a1 01 02")), Format.JSON, Converter.Options.strict().withLossy(true));
        assertEquals("[null,0,null,{\"1\":2}]\n", new String(o.output(), StandardCharsets.UTF_8));
        assertEquals(4, o.substitutions().size());
    }

    /** Records as the benchmark's, {@code count} of them, the {@code odd}-th one replaced by {@code odd}'s text. */
    private static String records(int count, java.util.function.IntFunction<String> special) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            String s = special.apply(i);
            sb.append(i == 0 ? "" : ",").append(s != null ? s
                    : "{\"id\":" + i + ",\"name\":\"alpha beta\",\"score\":" + (i * 0.37) + ",\"big\":" + (i % 50 == 0 ? "1152921504606846976" : i)
                    + ",\"ok\":" + (i % 3 == 0) + ",\"note\":null,\"tags\":[\"x\",\"y\"],\"pos\":{\"x\":" + (1.0 / (i + 3)) + ",\"y\":-" + i + "e-3}}");
        }
        return sb.append("]").toString();
    }

    @Test
    void largeArraysConvertAlikeInHalves() {
        // larger than a container may be for a definite length, so the outer array is indefinite,
        // and so large that the first reader gets to the second one's start after settling that
        String plain = records(30_000, i -> null);
        long joined = FastPath.HALVES_JOINED.get();
        Outcome o = json(plain);
        assertEquals(joined + 1, FastPath.HALVES_JOINED.get(), "converted in halves");
        assertTrue(o.output().length > CborWriter.DEFINITE_UP_TO, "large enough: " + o.output().length);
        assertEquals((byte) 0x9f, o.output()[0]);
        cbor(o.output());
        assertEquals(joined + 2, FastPath.HALVES_JOINED.get(), "converted back in halves");
        // the array inside an object, and whitespace around the commas
        json("{\"meta\":{\"n\":1},\"data\":" + plain.replace(",{", ", \n {") + ",\"end\":true}");
        // strings that look like the boundary the second reader looks for, all over the file
        long missed = FastPath.HALVES_MISSED.get();
        json(records(30_000, i -> "{\"id\":" + i + ",\"pad\":\"" + "p".repeat(100) + "\",\"text\":\"],[ },{\"}"));
        assertEquals(missed + 1, FastPath.HALVES_MISSED.get(), "the second reader's guess was wrong");
        // a problem in the second half: the general path reports it
        String twice = json(records(30_000, i -> i == 25_000 ? "{\"id\":1,\"id\":2}" : null)).error();
        assertTrue(twice.contains("/25000/id: duplicate key \"id\""), twice);
        String beyond = json(records(30_000, i -> i == 29_000 ? "{\"x\":1e400}" : null)).error();
        assertTrue(beyond.contains("/29000/x"), beyond);
        assertTrue(json(records(30_000, i -> i == 22_000 ? "{\"x\":tru}" : null)).error() != null);
        json(records(30_000, i -> i == 29_999 ? "[" + "[".repeat(500) + "]".repeat(500) + "]" : null));
        // an array of numbers has no boundary between records
        StringBuilder numbers = new StringBuilder("[");
        for (int i = 0; i < 300_000; i++) {
            numbers.append(i == 0 ? "" : ",").append(i * 3);
        }
        cbor(json(numbers.append("]").toString()).output());
    }

    @Test
    void cborArraysOfDefiniteLengthAndFalseStartsConvertAlikeInHalves() {
        byte[] records = json(records(30_000, i -> null)).output();
        // the same items under a head of definite length, as other encoders write them
        ByteArrayOutputStream definite = new ByteArrayOutputStream();
        definite.write(0x9a);
        definite.writeBytes(new byte[] {0, 0, 0x75, 0x30});
        definite.write(records, 1, records.length - 2);
        long joined = FastPath.HALVES_JOINED.get();
        cbor(definite.toByteArray());
        cbor(concat(hex("d9d9f7"), definite.toByteArray()));
        assertEquals(joined + 2, FastPath.HALVES_JOINED.get(), "converted in halves");
        // a count that does not match: malformed, reported by the general path
        byte[] wrong = definite.toByteArray();
        wrong[4] = 0x21;
        assertTrue(cbor(wrong).error() != null);
        // byte strings holding the start of a record, so that the second reader's first guess is wrong
        byte[] start = hex("a2 626964");
        ByteArrayOutputStream tricky = new ByteArrayOutputStream();
        tricky.write(0x9f);
        // 19,999 items of 214 bytes: where the second reader starts looking falls inside a byte string
        for (int i = 0; i < 19_999; i++) {
            tricky.writeBytes(hex("a2 626964"));
            tricky.writeBytes(hex("19" + String.format("%04x", i)));
            tricky.writeBytes(hex("6462797465 58 c8"));
            for (int k = 0; k < 50; k++) {
                tricky.writeBytes(start);
            }
        }
        tricky.write(0xff);
        long missed = FastPath.HALVES_MISSED.get();
        cbor(tricky.toByteArray());
        assertEquals(missed + 1, FastPath.HALVES_MISSED.get(), "the second reader's guess was wrong");
    }

    @Test
    void failuresAfterTheOutputStartedStreamingStillAgree() throws IOException {
        // more than Converter.HOLD_BACK bytes of output before the value the fast path leaves to the
        // general one, which then writes the same bytes again and skips what was already out
        String big = records(130_000, i -> i == 129_990 ? "{\"x\":3.14159265358979323846}" : null);
        Path in = file("json", big.getBytes(StandardCharsets.UTF_8));
        Converter.Options lossy = Converter.Options.strict().withLossy(true);
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        ByteArrayOutputStream general = new ByteArrayOutputStream();
        Converter.toStream(in, Format.CBOR, fast, lossy.withHalvesFrom(Long.MAX_VALUE));
        Converter.toStream(in, Format.CBOR, general, lossy.withFastPaths(false));
        assertTrue(general.size() > Converter.HOLD_BACK, "output larger than what is held back");
        assertArrayEquals(general.toByteArray(), fast.toByteArray());
        // to a file, what the fast path wrote is read back and compared instead
        Path toFile = dir.resolve("lossy.cbor");
        Converter.toFile(in, Format.CBOR, toFile, lossy.withHalvesFrom(Long.MAX_VALUE));
        assertArrayEquals(general.toByteArray(), Files.readAllBytes(toFile));
        Converter.toFile(in, Format.CBOR, toFile, lossy.withHalvesFrom(1024));
        assertArrayEquals(general.toByteArray(), Files.readAllBytes(toFile));
        Path cborIn = file("cbor", fast.toByteArray());
        Files.write(cborIn, concat(java.util.Arrays.copyOf(fast.toByteArray(), fast.size() - 1), hex("f97c00 ff")));
        ByteArrayOutputStream fastBack = new ByteArrayOutputStream();
        ByteArrayOutputStream generalBack = new ByteArrayOutputStream();
        Converter.toStream(cborIn, Format.JSON, fastBack, lossy);
        Converter.toStream(cborIn, Format.JSON, generalBack, lossy.withFastPaths(false));
        assertArrayEquals(generalBack.toByteArray(), fastBack.toByteArray());
    }

    @Test
    void noScratchFileIsLeftBehind() throws IOException {
        json(records(30_000, i -> null));
        json(records(30_000, i -> i == 25_000 ? "{\"id\":1,\"id\":2}" : null));
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().startsWith(".")).toList());
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
