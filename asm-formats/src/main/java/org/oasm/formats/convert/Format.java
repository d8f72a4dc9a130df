package org.oasm.formats.convert;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.oasm.formats.root.OasmException;

/**
 * The formats a document converts between, and how an input's format is recognised: by its
 * magic bytes first (the HDF5 signature {@code \x89HDF\r\n\x1a\n} at offset 0, the CBOR
 * self-describe tag {@code d9 d9 f7}), then by its extension ({@code .json}, {@code .yaml}/
 * {@code .yml}, {@code .cbor}, {@code .h5}/{@code .hdf5}), then by its content: text that starts
 * with {@code {} or {@code [} is JSON, other UTF-8 text is YAML, anything else is CBOR.
 */
public enum Format {
    JSON, YAML, CBOR, HDF5;

    static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] CBOR_SELF_DESCRIBE = {(byte) 0xd9, (byte) 0xd9, (byte) 0xf7};

    /** The name used on the command line ({@code --to json}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the format is binary (not to be written to a terminal). */
    public boolean binary() {
        return this == CBOR || this == HDF5;
    }

    /** Parses {@code --to}: json, yaml (or yml), cbor, hdf5 (or h5). */
    public static Format parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "yaml", "yml" -> YAML;
            case "cbor" -> CBOR;
            case "hdf5", "h5" -> HDF5;
            default -> throw new OasmException("--to: expected json, yaml, cbor or hdf5, found " + name, OasmException.USAGE);
        };
    }

    /** The format an extension names, or null. */
    public static Format ofExtension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "json" -> JSON;
            case "yaml", "yml" -> YAML;
            case "cbor" -> CBOR;
            case "h5", "hdf5", "hdf", "he5" -> HDF5;
            default -> null;
        };
    }

    /** Recognises a file from its name and its first bytes. */
    public static Format detect(String fileName, byte[] head) {
        if (startsWith(head, HDF5_SIGNATURE)) {
            return HDF5;
        }
        if (startsWith(head, CBOR_SELF_DESCRIBE)) {
            return CBOR;
        }
        Format byName = ofExtension(fileName);
        if (byName != null) {
            return byName;
        }
        int i = 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i < head.length && (head[i] == '{' || head[i] == '[')) {
            return JSON;
        }
        return text(head) ? YAML : CBOR;
    }

    private static boolean text(byte[] head) {
        int n = head.length;
        // a multi-byte character may be cut at the end of the sample
        while (n > 0 && n > head.length - 4 && (head[n - 1] & 0xc0) == 0x80) {
            n--;
        }
        if (n > 0 && (head[n - 1] & 0x80) != 0) {
            n--;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(head, 0, n)).toString();
            return s.chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
