package org.oasm.formats.store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What the store knows about one stored version: the attributes written next to its content
 * and where its file lives. Returned by {@code put}, {@code list} and {@code info}, so that the
 * cockpit can print tables and other modules can check hashes without opening HDF5 themselves.
 *
 * @param ref          the version's reference
 * @param category     the shelf it sits on
 * @param file         the HDF5 file ({@code artifacts/hdf5/CATEGORY/NAME/vVERSION.h5})
 * @param sha256       lowercase hex SHA-256 of the content
 * @param size         content length in bytes
 * @param mediaType    the content's media type ({@code application/json}, ...)
 * @param created      when the version was stored (UTC)
 * @param actor        who stored it
 * @param originalName the file name the content came from
 */
public record ArtifactInfo(ArtifactRef ref, Category category, Path file, String sha256, long size,
                           String mediaType, Instant created, String actor, String originalName) {
}
