package org.oasm.formats.workcopy;

/**
 * One line of a diff's change summary: which file, how, and by how many lines.
 *
 * @param path         path relative to the source root ({@code /}-separated)
 * @param status       added, modified or deleted in the copy
 * @param linesAdded   lines added (0 for binary files)
 * @param linesRemoved lines removed (0 for binary files)
 * @param binary       whether the file is binary
 */
public record FileChange(String path, Status status, int linesAdded, int linesRemoved, boolean binary) {

    /** How the copy differs from its source for one file. */
    public enum Status { ADDED, MODIFIED, DELETED }
}
