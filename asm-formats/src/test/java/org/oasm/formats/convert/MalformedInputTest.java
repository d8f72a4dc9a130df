package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.document.DocumentException;
import org.oasm.formats.root.OasmException;

/**
 * Every malformed input ends in one error: a single line that names the file and the problem,
 * exit status 1, and no output file (nor a temporary one) left behind, whether the input is read
 * on the writing thread or on a second one. Each bad input is kept
 * under {@code src/test/resources/org/oasm/formats/convert/malformed/} and has a test named
 * after it.
 */
class MalformedInputTest {

    @TempDir
    Path dir;

    private Path input(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = MalformedInputTest.class.getResourceAsStream("malformed/" + name)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    /**
     * Converts {@code name} to {@code to} and checks the failure, read on this thread and read on
     * a second one ({@link Handoff}): both must fail alike. Returns the message.
     */
    private String fails(String name, Format to, String expected) throws IOException {
        String m = fails(name, to, expected, Converter.Options.strict().withTwoThreadsFrom(Long.MAX_VALUE));
        assertEquals(m, fails(name, to, expected, Converter.Options.strict().withTwoThreadsFrom(0)),
                "read on a second thread");
        return m;
    }

    private String fails(String name, Format to, String expected, Converter.Options options) throws IOException {
        Path in = input(name);
        Path out = dir.resolve("out." + to.id());
        DocumentException e = assertThrows(DocumentException.class,
                () -> Converter.toFile(in, to, out, options));
        String m = e.getMessage();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.startsWith(in.toString() + ": "), m);
        assertTrue(m.contains(expected), m);
        assertEquals(OasmException.FAILED, e.exitStatus());
        assertFalse(Files.exists(out), "output left behind");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> temps = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), temps, "temporary files left behind");
        }
        return m;
    }

    @Test
    void truncatedJson() throws IOException {
        fails("truncated.json", Format.CBOR, "unexpected end of input");
    }

    @Test
    void truncatedCbor() throws IOException {
        fails("truncated.cbor", Format.JSON, "unexpected end of input");
    }

    @Test
    void truncatedStringCbor() throws IOException {
        fails("truncated-string.cbor", Format.JSON, "inside a string");
    }

    @Test
    void truncatedYaml() throws IOException {
        fails("truncated.yaml", Format.JSON, "line ");
    }

    /**
     * The parser of a whole file keeps no marks; a syntax error is located by a second pass, and
     * the message must be the one the located parser gives (line and column of the problem).
     */
    @Test
    void badIndentationYaml() throws IOException {
        fails("bad-indentation.yaml", Format.JSON, ": line 5, column 2: expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void mappingInPlainYaml() throws IOException {
        fails("mapping-in-plain.yaml", Format.CBOR, ": line 2, column 4: mapping values are not allowed here");
    }

    @Test
    void wrongMagicH5() throws IOException {
        fails("wrong-magic.h5", Format.JSON, "not an HDF5 file");
    }

    @Test
    void truncatedH5() throws IOException {
        fails("truncated.h5", Format.JSON, "HDF5");
    }

    @Test
    void reservedByteCbor() throws IOException {
        fails("reserved-byte.cbor", Format.JSON, "byte 0: reserved additional information 28");
    }

    @Test
    void invalidUtf8Json() throws IOException {
        fails("invalid-utf8.json", Format.YAML, "UTF-8");
    }

    @Test
    void invalidUtf8Yaml() throws IOException {
        fails("invalid-utf8.yaml", Format.JSON, "not valid UTF-8");
    }

    @Test
    void invalidUtf8Cbor() throws IOException {
        fails("invalid-utf8.cbor", Format.JSON, "not valid UTF-8");
    }

    @Test
    void deepNestingJson() throws IOException {
        fails("deep-nesting.json", Format.CBOR, "nesting deeper than 512 levels");
    }

    @Test
    void deepNestingCbor() throws IOException {
        fails("deep-nesting.cbor", Format.JSON, "nesting deeper than 512 levels");
    }

    @Test
    void deepNestingTagsCbor() throws IOException {
        fails("deep-nesting-tags.cbor", Format.JSON, "nesting deeper than 512 levels");
    }

    @Test
    void deepNestingYaml() throws IOException {
        fails("deep-nesting.yaml", Format.JSON, "nesting deeper than 512 levels");
    }

    @Test
    void aliasBombYaml() throws IOException {
        fails("alias-bomb.yaml", Format.JSON, "aliases expand to more than 100000 nodes");
    }

    @Test
    void undefinedAliasYaml() throws IOException {
        fails("undefined-alias.yaml", Format.JSON, "alias *nowhere refers to no anchor");
    }

    @Test
    void emptyJson() throws IOException {
        fails("empty.json", Format.CBOR, "empty file");
    }

    @Test
    void emptyYaml() throws IOException {
        fails("empty.yaml", Format.CBOR, "empty file");
    }

    @Test
    void emptyCbor() throws IOException {
        fails("empty.cbor", Format.JSON, "empty file");
    }

    @Test
    void commentsOnlyYaml() throws IOException {
        fails("comments-only.yaml", Format.JSON, "no YAML document");
    }

    @Test
    void duplicateKeyJson() throws IOException {
        fails("duplicate-key.json", Format.CBOR, "/a: duplicate key \"a\"");
    }

    /** JSON's escapes can spell half a surrogate pair, which no UTF-8 text holds (it became "?"). */
    @Test
    void unpairedSurrogateJson() throws IOException {
        fails("unpaired-surrogate.json", Format.CBOR, "/broken/1: text holds the unpaired surrogate \\ud83d");
        fails("unpaired-surrogate.json", Format.YAML, "/broken/1: text holds the unpaired surrogate \\ud83d");
    }

    @Test
    void duplicateKeyYaml() throws IOException {
        fails("duplicate-key.yaml", Format.JSON, "duplicate key \"a\"");
    }

    @Test
    void duplicateKeyCbor() throws IOException {
        fails("duplicate-key.cbor", Format.YAML, "duplicate key \"a\"");
    }

    @Test
    void trailingJson() throws IOException {
        fails("trailing.json", Format.CBOR, "after the JSON value");
    }

    @Test
    void trailingCbor() throws IOException {
        fails("trailing.cbor", Format.JSON, "after the CBOR data item");
    }

    @Test
    void twoDocumentsYaml() throws IOException {
        fails("two-documents.yaml", Format.JSON, "more than one YAML document");
    }

    @Test
    void breakOutsideCbor() throws IOException {
        fails("break-outside.cbor", Format.JSON, "break (0xff) outside");
    }

    @Test
    void bignumNotBytesCbor() throws IOException {
        fails("bignum-not-bytes.cbor", Format.JSON, "must enclose a byte string");
    }

    @Test
    void directory() throws IOException {
        Path d = Files.createDirectory(dir.resolve("folder.json"));
        DocumentException e = assertThrows(DocumentException.class,
                () -> Converter.toFile(d, Format.CBOR, dir.resolve("out.cbor"), Converter.Options.strict()));
        assertEquals(d + ": is a directory, not a file", e.getMessage());
    }

    @Test
    void missingPath() {
        Path missing = dir.resolve("missing.json");
        DocumentException e = assertThrows(DocumentException.class,
                () -> Converter.toFile(missing, Format.CBOR, dir.resolve("out.cbor"), Converter.Options.strict()));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void unwritableOutput() throws IOException {
        Path in = dir.resolve("good.json");
        Files.writeString(in, "{\"a\": 1}");
        Path blocker = Files.writeString(dir.resolve("plain-file"), "x");
        Path out = blocker.resolve("out.cbor");
        DocumentException e = assertThrows(DocumentException.class,
                () -> Converter.toFile(in, Format.CBOR, out, Converter.Options.strict()));
        assertTrue(e.getMessage().startsWith(out + ": cannot write"), e.getMessage());
        Path folderAsOutput = Files.createDirectory(dir.resolve("taken"));
        e = assertThrows(DocumentException.class, () -> Converter.toFile(in, Format.CBOR, folderAsOutput, Converter.Options.strict()));
        assertEquals(folderAsOutput + ": is a directory", e.getMessage());
        assertFalse(Files.exists(out));
    }
}
