package org.oasm.formats.schema;

/**
 * One way an instance breaks its schema: where (a JSON Pointer into the instance, {@code ""} for
 * the whole document) and what. {@code oasm schemas validate} prints these.
 */
public record Violation(String jsonPointer, String message) {

    @Override
    public String toString() {
        return (jsonPointer.isEmpty() ? "/" : jsonPointer) + ": " + message;
    }
}
