package org.oasm.formats.store;

import java.util.Locale;
import java.util.Map;

/**
 * Guesses a media type from a file name's extension. Kept to the formats the project handles;
 * {@code Files.probeContentType} depends on the machine's MIME database and so is not used.
 */
final class MediaTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("json", "application/json"),
            Map.entry("jsonl", "application/jsonl"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"),
            Map.entry("cbor", "application/cbor"),
            Map.entry("h5", "application/x-hdf5"),
            Map.entry("hdf5", "application/x-hdf5"),
            Map.entry("txt", "text/plain"),
            Map.entry("log", "text/plain"),
            Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"),
            Map.entry("oasm", "text/x-oasm"),
            Map.entry("sh", "application/x-sh"),
            Map.entry("py", "text/x-python"),
            Map.entry("ps1", "text/x-powershell"),
            Map.entry("xml", "application/xml"));

    private MediaTypes() {
    }

    static String guess(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return OCTET_STREAM;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
    }
}
