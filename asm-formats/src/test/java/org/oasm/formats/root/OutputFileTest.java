package org.oasm.formats.root;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.convert.Converter;
import org.oasm.formats.convert.Format;

/**
 * Outputs get the permissions any program's output gets: those the umask gives a new file, or
 * those of the file they replace. (They were readable by their owner only.) An output that is a
 * FIFO or a device is written in place (renaming over {@code /dev/null} as root replaced it with a
 * file), and one through a symbolic link replaces the file the link names.
 */
class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewOutputHasTheUmasksPermissions() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path temp = OutputFile.temporaryBeside(dir.resolve("out.json"));
        assertTrue(temp.getFileName().toString().startsWith(".out.json.") && temp.toString().endsWith(".tmp"), temp.toString());
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(temp));
    }

    @Test
    void aConversionKeepsThePermissionsOfTheFileItReplaces() throws IOException {
        Path in = Files.writeString(dir.resolve("in.json"), "[1]");
        Path fresh = dir.resolve("fresh.cbor");
        Converter.toFile(in, Format.CBOR, fresh, Converter.Options.strict());
        assertEquals(Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain"))), Files.getPosixFilePermissions(fresh));
        Path existing = Files.writeString(dir.resolve("existing.cbor"), "old");
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
        Converter.toFile(in, Format.CBOR, existing, Converter.Options.strict());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
    }

    @Test
    void aFifoOrDeviceIsWrittenInPlaceNotReplacedByAFile() throws Exception {
        Path in = Files.writeString(dir.resolve("in.json"), "{\"a\": [1, 2.5, \"x\"]}");
        Path file = dir.resolve("file.cbor");
        Converter.toFile(in, Format.CBOR, file, Converter.Options.strict());
        try (Fifo fifo = Fifo.make(dir.resolve("fifo"))) {
            Converter.toFile(in, Format.CBOR, fifo.path(), Converter.Options.strict());
            assertArrayEquals(Files.readAllBytes(file), fifo.bytes());
        }
        try (Fifo fifo = Fifo.make(dir.resolve("fifo.h5"))) {
            Converter.toFile(Files.writeString(dir.resolve("tree.json"), "{\"kind\": \"group\", \"attributes\": {},"
                    + " \"members\": {}}"), Format.HDF5, fifo.path(), Converter.Options.strict());
            byte[] h5 = fifo.bytes();
            assertEquals("\u0089HDF", new String(h5, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1), "an HDF5 file, copied in");
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".tmp")).toList(), "no temporary file left");
        }
    }

    @Test
    void throughASymbolicLinkTheFileItNamesIsReplacedAndTheLinkKept() throws IOException {
        Path in = Files.writeString(dir.resolve("in.json"), "[1]");
        Path real = Files.writeString(dir.resolve("real.cbor"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.cbor"), real.getFileName());
        Converter.toFile(in, Format.CBOR, link, Converter.Options.strict());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertArrayEquals(new byte[] {(byte) 0x81, 0x01}, Files.readAllBytes(real));
    }
}
