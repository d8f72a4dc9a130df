package org.oasm.cockpit.templates;

import java.nio.file.Path;
import java.util.List;
import org.oasm.cockpit.provenance.Recorder;
import org.oasm.formats.provenance.LineageChange;
import org.oasm.formats.workcopy.ChangeRecorder;
import org.oasm.formats.workcopy.CommittedChange;

/**
 * Gives the commit of a command block (or of a revert) its lineage record: the change's files
 * with hashes before and after, the saved diff ({@code diff_id} = the working copy, whose
 * {@code artifacts/diffs/} folder holds the bytes a revert puts back), the block's tests, the
 * stored template it came from, and for a revert the record it reverts as parent.
 */
final class ChangeLineage implements ChangeRecorder {

    /** What the lineage record says besides the change itself. */
    record About(String summary, String intent, String command, String parentLineageId, String hdf5TemplateId,
            List<LineageChange.TestResult> tests) {
    }

    private final Recorder recorder;
    private final About about;
    private String lineageId;

    ChangeLineage(Recorder recorder, About about) {
        this.recorder = recorder;
        this.about = about;
    }

    @Override
    public void record(CommittedChange change) {
        long seq = recorder.nextSeq();
        List<LineageChange.ChangedFile> files = change.files().stream()
                .map(f -> new LineageChange.ChangedFile(f.path(), f.beforeSha256(), f.afterSha256())).toList();
        LineageChange lc = new LineageChange(recorder.runId(), seq, recorder.actor(), about.parentLineageId(),
                about.summary() + ": " + files.size() + " file(s) in " + change.sourceRoot(), about.intent(), about.command(),
                Path.of(change.sourceRoot()), change.copyId(), files, about.tests(), about.hdf5TemplateId(),
                recorder.runId() + "_" + seq);
        lineageId = recorder.lineage(lc).lineageId();
    }

    /** The id of the record written, or null before the commit. */
    String lineageId() {
        return lineageId;
    }
}
