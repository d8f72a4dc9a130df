package org.oasm.formats.root;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The OASM root: the folder that holds {@code logs/} and {@code artifacts/}, and optionally
 * {@code templates/}, {@code schemas/} and {@code manifests/} that override the copies bundled in
 * the jar. Every module resolves its files through this one type so that the layout of the
 * contract ("Files under the OASM root") is written down once.
 */
public record OasmRoot(Path dir) {

    /** Classpath prefix of the data bundled in the jar ({@code oasm/schemas/...}). */
    public static final String BUNDLED_PREFIX = "oasm/";

    public OasmRoot {
        dir = dir.toAbsolutePath().normalize();
    }

    public Path logs() { return dir.resolve("logs"); }
    public Path executionLogs() { return logs().resolve("execution"); }
    public Path provenanceLogs() { return logs().resolve("provenance"); }
    public Path lineageLogs() { return logs().resolve("lineage"); }
    public Path workingCopyLogs() { return logs().resolve("working_copies"); }
    public Path structureDebugLogs() { return logs().resolve("StructureDebug"); }
    public Path history() { return logs().resolve("history"); }

    public Path artifacts() { return dir.resolve("artifacts"); }
    public Path hdf5Store() { return artifacts().resolve("hdf5"); }
    public Path workingCopies() { return artifacts().resolve("working"); }
    public Path diffs() { return artifacts().resolve("diffs"); }

    public Path templates() { return dir.resolve("templates"); }
    public Path schemas() { return dir.resolve("schemas"); }
    public Path manifests() { return dir.resolve("manifests"); }
    public Path shellProfile() { return dir.resolve("shell_profile.yaml"); }

    /** Creates the root folder if it does not exist yet (the contract allows a new root). */
    public OasmRoot create() {
        try {
            Files.createDirectories(dir);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create OASM root " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a data file by its path relative to the root ({@code schemas/x.yaml}): the root's own
     * copy when it has one, otherwise the copy bundled in the jar; empty when neither exists.
     */
    public Optional<InputStream> openData(String relativePath) throws IOException {
        Path own = dir.resolve(relativePath);
        if (Files.isRegularFile(own)) {
            return Optional.of(Files.newInputStream(own));
        }
        Optional<InputStream> bundled = Bundle.open(BUNDLED_PREFIX + relativePath);
        if (bundled.isPresent()) {
            return bundled;
        }
        return Optional.ofNullable(
                OasmRoot.class.getClassLoader().getResourceAsStream(BUNDLED_PREFIX + relativePath));
    }

    /**
     * The data bundled beside this class, in its jar (or its classes folder), read from there
     * directly: the class loader's search opens the jars of the class path one after the other
     * under a lock that the cockpit's start-up threads hold while they load classes, and a start
     * whose classes come from the JDK's AOT cache has opened none yet, so the first look-up of a
     * bundled file waited tens of milliseconds for them. Anything not found here is left to the
     * class loader.
     */
    private static final class Bundle {

        private static final Path LOCATION = locate();

        private static Path locate() {
            try {
                java.security.CodeSource source = OasmRoot.class.getProtectionDomain().getCodeSource();
                return source == null ? null : Path.of(source.getLocation().toURI());
            } catch (RuntimeException | java.net.URISyntaxException e) {
                return null;
            }
        }

        static Optional<InputStream> open(String name) {
            if (LOCATION == null) {
                return Optional.empty();
            }
            try {
                if (Files.isDirectory(LOCATION)) {
                    Path file = LOCATION.resolve(name);
                    return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
                }
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(LOCATION.toFile())) {
                    java.util.zip.ZipEntry entry = jar.getEntry(name);
                    if (entry == null || entry.isDirectory()) {
                        return Optional.empty();
                    }
                    try (InputStream in = jar.getInputStream(entry)) {
                        return Optional.of(new java.io.ByteArrayInputStream(in.readAllBytes()));
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }
}
