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
        return Optional.ofNullable(
                OasmRoot.class.getClassLoader().getResourceAsStream(BUNDLED_PREFIX + relativePath));
    }
}
