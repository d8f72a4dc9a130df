package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The CBOR writer's lengths: an array or map whose content is at most
 * {@link CborWriter#DEFINITE_UP_TO} bytes has a definite length, a larger one an indefinite
 * length, wherever the container falls in the output buffer, so that the bytes depend on the
 * document alone.
 */
class CborWriterTest {

    /** A text string whose encoding (head and content) is exactly {@code bytes} long. */
    private static void text(CborWriter w, int bytes) {
        int head = bytes - 1 < 24 ? 1 : bytes - 2 < 0x100 ? 2 : bytes - 3 < 0x10000 ? 3 : 5;
        byte[] content = new byte[bytes - head];
        Arrays.fill(content, (byte) 'a');
        w.text(content, 0, content.length);
    }

    private static byte[] array(int before, int contentBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CborWriter w = new CborWriter(out);
        w.startArray();
        if (before > 0) {
            text(w, before);
        }
        w.startArray();
        text(w, contentBytes - 100);
        text(w, 100);
        w.endArray();
        w.endArray();
        w.finish();
        return out.toByteArray();
    }

    /** The head of the inner array, found after the outer head and the text before it. */
    private static int innerHead(byte[] cbor, int before) {
        int at = 1 + before;
        return cbor[at] & 0xff;
    }

    @Test
    void aContainerOfAtMostTheBoundHasADefiniteLength() {
        int bound = CborWriter.DEFINITE_UP_TO;
        assertEquals(0x82, innerHead(array(0, bound), 0));
        assertEquals(0x9f, innerHead(array(0, bound + 1), 0));
    }

    @Test
    void whereTheBufferFillsDoesNotChangeTheLengths() {
        int bound = CborWriter.DEFINITE_UP_TO;
        for (int before : new int[] {0, 1000, bound - 5000, bound + 7, 2 * bound - 100}) {
            byte[] at = array(before, bound);
            byte[] over = array(before, bound + 1);
            assertEquals(0x82, innerHead(at, before), "content of the bound after " + before + " bytes");
            assertEquals(0x9f, innerHead(over, before), "content over the bound after " + before + " bytes");
            assertEquals(0x9f, at[0] & 0xff, "the outer array holds more than the bound");
            byte[] alone = array(0, bound);
            assertArrayEquals(Arrays.copyOfRange(alone, 1, alone.length - 1), Arrays.copyOfRange(at, 1 + before, at.length - 1));
        }
    }

    @Test
    void aLongStringMakesItsContainersIndefinite() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CborWriter w = new CborWriter(out);
        w.startObject();
        w.key("k");
        w.startArray();
        text(w, CborWriter.DEFINITE_UP_TO + 10);
        w.endArray();
        w.endObject();
        w.finish();
        byte[] b = out.toByteArray();
        assertEquals(0xbf, b[0] & 0xff);
        assertEquals(0x9f, b[3] & 0xff);
        assertEquals(0xff, b[b.length - 1] & 0xff);
        assertEquals(0xff, b[b.length - 2] & 0xff);
    }
}
