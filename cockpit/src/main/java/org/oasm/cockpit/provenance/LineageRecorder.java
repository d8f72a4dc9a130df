package org.oasm.cockpit.provenance;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.oasm.formats.provenance.LineageChange;
import org.oasm.formats.workcopy.ChangeRecorder;
import org.oasm.formats.workcopy.CommittedChange;

/**
 * Gives every committed working copy a lineage record: which files changed (hashes before and
 * after), the diff kept under {@code artifacts/diffs/}, and the command that made the change.
 */
public final class LineageRecorder implements ChangeRecorder {

    private final Recorder recorder;
    private final Supplier<String> currentCommand;
    private volatile String lastLineageId;

    public LineageRecorder(Recorder recorder, Supplier<String> currentCommand) {
        this.recorder = recorder;
        this.currentCommand = currentCommand;
    }

    @Override
    public void record(CommittedChange change) {
        long seq = recorder.nextSeq();
        List<LineageChange.ChangedFile> files = change.files().stream()
                .map(f -> new LineageChange.ChangedFile(f.path(), f.beforeSha256(), f.afterSha256())).toList();
        String summary = "committed working copy " + change.copyId() + ": " + files.size() + " file(s) in "
                + (change.storedAs() != null ? change.storedAs() : change.sourceRoot());
        LineageChange lc = new LineageChange(recorder.runId(), seq, recorder.actor(), null, summary,
                "write a tested working copy back to its source", currentCommand.get(),
                change.storedAs() != null ? null : Path.of(change.sourceRoot()), change.copyId(), files, List.of(),
                null, recorder.runId() + "_" + seq);
        lastLineageId = recorder.lineage(lc).lineageId();
    }

    /** The id of the last lineage record written, for the command to print. */
    public String lastLineageId() {
        return lastLineageId;
    }
}
