package org.oasm.formats.store;

import java.nio.file.Path;

/**
 * One finding of {@code verify}: a stored file that is tampered with, corrupt, unreadable or out
 * of place. A record rather than a string so that the cockpit can print it as text or JSON.
 *
 * @param file    the file concerned
 * @param problem what is wrong, in one line
 */
public record StoreProblem(Path file, String problem) {

    /** {@code FILE: PROBLEM}, the line the cockpit prints. */
    @Override
    public String toString() {
        return file + ": " + problem;
    }
}
