package org.oasm.formats.convert;

/**
 * Slots of the small caches that the CBOR decoder and the JSON and CBOR writers keep for the
 * texts a document repeats (keys, mostly): a mix of the length and the first, middle and last
 * characters, which costs a few instructions where a hash of the whole text would read all of it.
 */
final class TextSlots {

    /** Slots per cache. */
    static final int SIZE = 256;

    private TextSlots() {
    }

    static int of(String s) {
        int n = s.length();
        return n == 0 ? 0 : mix(n, s.charAt(0), s.charAt(n >>> 1), s.charAt(n - 1));
    }

    static int of(byte[] b, int offset, int length) {
        return length == 0 ? 0 : mix(length, b[offset] & 0xff, b[offset + (length >>> 1)] & 0xff, b[offset + length - 1] & 0xff);
    }

    private static int mix(int n, int first, int middle, int last) {
        int h = n * 0x9E3779B1 + first * 0x85EBCA6B + middle * 0xC2B2AE35 + last * 0x27D4EB2F;
        return (h ^ (h >>> 15)) & (SIZE - 1);
    }
}
