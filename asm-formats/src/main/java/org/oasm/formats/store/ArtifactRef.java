package org.oasm.formats.store;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to one stored version, in the plan's form {@code /artifacts/NAME/vVERSION}
 * ({@code /artifacts/template_001/v1.0}); the short form {@code NAME/vVERSION} is accepted too.
 * Other modules (manifests, scans, command blocks) parse references through this one type so
 * that every module agrees on what a reference is.
 *
 * <p>A name starts with a letter or digit and continues with letters, digits, {@code .},
 * {@code _} or {@code -}; so does a version (given after its {@code v}). Neither can contain a
 * path separator, which keeps references from escaping the store folder.
 *
 * @param name    the artifact name ({@code template_001})
 * @param version the version without its leading {@code v} ({@code 1.0})
 */
public record ArtifactRef(String name, String version) {

    /** The prefix of the long form. */
    public static final String PREFIX = "/artifacts/";

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SHORT = Pattern.compile("([^/]+)/v([^/]+)");

    public ArtifactRef {
        if (name == null || !PART.matcher(name).matches()) {
            throw new StoreException(name + ": invalid artifact name (letters, digits, '.', '_', '-')");
        }
        if (version == null || !PART.matcher(version).matches()) {
            throw new StoreException(name + "/v" + version + ": invalid version (letters, digits, '.', '_', '-')");
        }
    }

    /** Parses {@code /artifacts/NAME/vVERSION} or {@code NAME/vVERSION}. */
    public static ArtifactRef parse(String text) {
        if (text == null) {
            throw new StoreException("null: not an artifact reference");
        }
        String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        Matcher m = SHORT.matcher(body);
        if (!m.matches()) {
            throw new StoreException(text + ": not an artifact reference (expected /artifacts/NAME/vVERSION or NAME/vVERSION)");
        }
        return new ArtifactRef(m.group(1), m.group(2));
    }

    /** True for the long form, which can never be mistaken for a relative path. */
    public static boolean looksLikeRef(String text) {
        return text.startsWith(PREFIX);
    }

    /** {@code NAME/vVERSION}. */
    public String shortForm() {
        return name + "/v" + version;
    }

    /** The file name of this version inside its name folder: {@code vVERSION.h5}. */
    public String fileName() {
        return "v" + version + ".h5";
    }

    /** The long form, {@code /artifacts/NAME/vVERSION}. */
    @Override
    public String toString() {
        return PREFIX + shortForm();
    }
}
