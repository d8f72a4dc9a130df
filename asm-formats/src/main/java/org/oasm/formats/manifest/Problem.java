package org.oasm.formats.manifest;

/**
 * One problem found while loading the manifests: the file, the line (from 1; 0 when unknown) and
 * what is wrong. Printed as {@code file:line: message}, the form editors jump to.
 */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
