package org.oasm.formats.workcopy;

import java.nio.file.Path;

/**
 * One file a commit changed, with what a revert needs to undo it exactly.
 *
 * @param path         path relative to the source root ({@code /}-separated)
 * @param beforeSha256 SHA-256 of the bytes the commit replaced; null when the commit added the file
 * @param afterSha256  SHA-256 of the bytes the commit wrote; null when the commit deleted the file
 * @param savedBefore  the saved copy of the replaced bytes under {@code artifacts/diffs/{copy_id}/before/};
 *                     null when the file was added, or for an artifact source (whose previous
 *                     version stays in the store)
 */
public record ChangedFile(String path, String beforeSha256, String afterSha256, Path savedBefore) {
}
