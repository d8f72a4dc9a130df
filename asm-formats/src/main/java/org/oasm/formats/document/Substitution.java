package org.oasm.formats.document;

/**
 * One change a {@code --lossy} conversion made: where (a JSON Pointer into the document), what
 * the input had, what was written instead, and why the target could not hold the original. The
 * cockpit copies these into the command's provenance record.
 */
public record Substitution(String pointer, String original, String replacement, String reason) {
}
