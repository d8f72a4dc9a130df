package org.oasm.formats.convert;

import org.oasm.formats.document.Context;

/**
 * Unpaired surrogates, which JSON's {@code \}{@code u} escapes can spell ({@code "\}{@code ud800"})
 * but which are not Unicode characters: no other format can hold them (CBOR and YAML text is
 * UTF-8, which has no encoding for them), so they are refused, and {@code --lossy} writes U+FFFD
 * in their place, recorded like every substitution.
 */
final class Surrogates {

    private Surrogates() {
    }

    /** The index of the first unpaired surrogate in {@code text}, or -1. */
    static int firstUnpaired(CharSequence text) {
        int end = text.length();
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * {@code text} with U+FFFD for each unpaired surrogate, after the substitution has been
     * recorded (or refused, without {@code --lossy}).
     */
    static String replace(String text, Context context) {
        int first = firstUnpaired(text);
        if (first < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        context.substitute(String.format("\\u%04x", (int) chars[first]), "\\ufffd",
                String.format("text holds the unpaired surrogate \\u%04x, which is not a Unicode character", (int) chars[first]));
        StringBuilder sb = new StringBuilder(chars.length);
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                sb.append(c).append(chars[++i]);
            } else {
                sb.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return sb.toString();
    }
}
