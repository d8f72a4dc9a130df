package org.oasm.formats.store;

/**
 * The outcome of a put: the stored version, and whether it was already there with the same
 * content (a repeated put is idempotent, and the cockpit says so instead of claiming a write).
 *
 * @param info          the stored version
 * @param alreadyStored true when the same content was already stored under this reference
 */
public record PutResult(ArtifactInfo info, boolean alreadyStored) {
}
