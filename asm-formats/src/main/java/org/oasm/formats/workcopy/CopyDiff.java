package org.oasm.formats.workcopy;

import java.util.List;

/**
 * The difference between a working copy and its source: the unified diff text, as {@code diff -u}
 * would print it, and a per-file summary for tables and JSON output.
 *
 * @param copyId      the working copy
 * @param files       the files that differ, by path
 * @param unifiedDiff the diff text; empty when nothing differs
 */
public record CopyDiff(String copyId, List<FileChange> files, String unifiedDiff) {

    public CopyDiff {
        files = List.copyOf(files);
    }

    public int filesChanged() {
        return files.size();
    }

    public int linesAdded() {
        return files.stream().mapToInt(FileChange::linesAdded).sum();
    }

    public int linesRemoved() {
        return files.stream().mapToInt(FileChange::linesRemoved).sum();
    }

    /** git's summary line: {@code 2 files changed, 3 insertions(+), 1 deletion(-)}. */
    public String summary() {
        return filesChanged() + (filesChanged() == 1 ? " file changed, " : " files changed, ")
                + linesAdded() + (linesAdded() == 1 ? " insertion(+), " : " insertions(+), ")
                + linesRemoved() + (linesRemoved() == 1 ? " deletion(-)" : " deletions(-)");
    }
}
