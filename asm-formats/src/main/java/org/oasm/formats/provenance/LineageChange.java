package org.oasm.formats.provenance;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A change to files, as the cockpit reports it to {@link LineageWriter}: who made it in which
 * run, what it was for, the command, and where it follows on from. The writer adds the lineage id,
 * the time, the chain of ancestors, the git commit and the revert command.
 *
 * @param parentLineageId the record this change follows on from, or null for a new chain
 * @param target          the file or folder changed; its git work tree gives {@code git_sha}
 * @param diffId          the diff snapshot under artifacts/diffs/, or null
 * @param hdf5TemplateId  the template the change came from, or null
 * @param cborObjectId    {@code {run_id}_{seq}} of the command, or null
 */
public record LineageChange(UUID runId, long seq, Actor actor, String parentLineageId, String summary,
                            String intent, String command, Path target, String diffId,
                            List<ChangedFile> changedFiles, List<TestResult> tests, String hdf5TemplateId,
                            String cborObjectId) {

    /** A test that accompanied the change. */
    public record TestResult(String name, TestStatus status, Long durationMs) {
    }

    /** Result of a test, as the lineage_log schema spells it. */
    public enum TestStatus { Passed, Failed, Skipped }

    /** A file the change touched, with SHA-256 (hex) before and after; null for created or deleted. */
    public record ChangedFile(String path, String sha256Before, String sha256After) {
    }

    public LineageChange {
        changedFiles = changedFiles == null ? List.of() : List.copyOf(changedFiles);
        tests = tests == null ? List.of() : List.copyOf(tests);
    }
}
