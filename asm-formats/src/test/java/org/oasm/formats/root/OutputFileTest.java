package org.oasm.formats.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.convert.Converter;
import org.oasm.formats.convert.Format;

/**
 * Outputs get the permissions any program's output gets: those the umask gives a new file, or
 * those of the file they replace. (They were readable by their owner only.)
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
}
