package org.oasm.cockpit.templates;

import java.util.List;

/**
 * What one step (or test) of a block did: its outcome, a one-line detail, the files it changed
 * with lines added and removed, and how long it took. The change report of {@code oasm execute}
 * is a list of these.
 *
 * @param phase  {@code step} or {@code test}
 * @param index  position from 1 within its phase
 * @param deltas the files this step changed, by path
 */
public record StepReport(String phase, int index, int of, String name, String kind, Status status, String detail,
        List<FileDelta> deltas, long millis) {

    /** How a step ended. */
    public enum Status { PASSED, FAILED, SKIPPED }

    public StepReport {
        deltas = List.copyOf(deltas);
    }

    public int added() {
        return deltas.stream().mapToInt(FileDelta::added).sum();
    }

    public int removed() {
        return deltas.stream().mapToInt(FileDelta::removed).sum();
    }

    /** {@code step 1/2 add_safety_comment (edit): passed; 3 files changed, +5 -0}. */
    public String headline() {
        String s = phase + " " + index + "/" + of + " " + name + " (" + kind + "): " + status.name().toLowerCase();
        if (!deltas.isEmpty()) {
            s += "; " + deltas.size() + (deltas.size() == 1 ? " file" : " files") + " changed, +" + added() + " -" + removed();
        }
        return detail == null || detail.isEmpty() ? s : s + "; " + detail;
    }
}
