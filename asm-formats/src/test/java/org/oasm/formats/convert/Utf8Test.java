package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The CBOR decoder's UTF-8 check ({@link Utf8}) accepts exactly what the JDK's decoder accepts
 * when it reports errors: on the edge cases of RFC 3629 (overlong forms, surrogates, beyond
 * U+10FFFF, truncated sequences) and on random bytes biased towards the multi-byte ranges.
 */
class Utf8Test {

    private static boolean jdk(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void same(byte[] b) {
        assertEquals(jdk(b), Utf8.valid(b, 0, b.length), HexFormat.of().formatHex(b));
        if (jdk(b)) {
            assertEquals(new String(b, StandardCharsets.UTF_8), Utf8.decode(b, 0, b.length, 0));
        }
    }

    @Test
    void edgeCasesOfRfc3629() {
        for (String hex : List.of("", "41", "c280", "c180", "c080", "dfbf", "e0a080", "e09f80", "ed9fbf", "eda080",
                "edbfbf", "ee8080", "efbfbf", "f0908080", "f08f8080", "f48fbfbf", "f4908080", "f5808080", "ff", "80",
                "c2", "e0a0", "f09080", "c241", "e0a041", "f0908041", "f09f9880", "41c3a9", "fe", "c0af")) {
            same(HexFormat.of().parseHex(hex));
        }
    }

    @Test
    void randomBytes() {
        Random r = new Random(3629);
        int[] leads = {0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(7)];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) (r.nextBoolean() ? leads[r.nextInt(leads.length)] : 0x80 + r.nextInt(0x40));
            }
            same(b);
        }
    }
}
