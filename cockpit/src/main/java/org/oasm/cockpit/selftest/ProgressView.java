package org.oasm.cockpit.selftest;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code oasm test} prints. On a terminal: one line redrawn in place, a progress bar with the
 * check that is running, and at the end the table of every check. Elsewhere (a pipe, a file, a
 * CI log): one plain line per check as it ends, which is the table written as it grows. Either
 * way the totals come last, then the evidence of each failure.
 */
public final class ProgressView implements SelfTest.Progress {

    private static final int BAR = 24;
    private static final int DETAIL_LINES = 15;

    private final PrintStream out;
    private final boolean terminal;
    private final int columns;
    private final int idWidth = 44;

    public ProgressView(PrintStream out, boolean terminal, int columns) {
        this.out = out;
        this.terminal = terminal;
        this.columns = Math.max(40, columns);
    }

    @Override
    public void started(int index, int total, String id) {
        if (!terminal) {
            return;
        }
        int filled = total == 0 ? BAR : index * BAR / total;
        String line = "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + index + "/" + total + "  " + id;
        out.print("\r" + clip(line, columns - 1) + "\033[K");
        out.flush();
    }

    @Override
    public void finished(int index, int total, CheckResult r) {
        if (!terminal) {
            out.println(row(r));
            out.flush();
        }
    }

    /** The table (on a terminal), the totals and the failures' evidence. */
    public void summary(SelfTest.Report report, List<java.nio.file.Path> files) {
        if (terminal) {
            out.print("\r\033[K");
            out.println(String.format(Locale.ROOT, "%-7s %-" + idWidth + "s %8s  %s", "STATUS", "CHECK", "TIME", "RESULT"));
            report.results().forEach(r -> out.println(row(r)));
        }
        out.println();
        out.println(String.format(Locale.ROOT, "%s suite: %d passed, %d failed, %d errors, %d skipped in %.1f s",
                report.suite().label(), report.count(CheckResult.Status.PASSED), report.count(CheckResult.Status.FAILED),
                report.count(CheckResult.Status.ERROR), report.count(CheckResult.Status.SKIPPED), report.millis() / 1000.0));
        List<CheckResult> bad = new ArrayList<>(report.results().stream().filter(r -> r.status() == CheckResult.Status.FAILED
                || r.status() == CheckResult.Status.ERROR).toList());
        for (CheckResult r : bad) {
            out.println();
            out.println(r.id() + ": " + r.message());
            List<String> lines = r.detail().lines().toList();
            lines.stream().limit(DETAIL_LINES).forEach(l -> out.println("    " + l));
            if (lines.size() > DETAIL_LINES) {
                out.println("    ... (" + (lines.size() - DETAIL_LINES) + " more lines in the report)");
            }
        }
        out.println("report: " + String.join(", ", files.stream().map(Object::toString).toList()));
        if (report.scratch() != null) {
            out.println("scratch root kept for a look: " + report.scratch().resolve("root"));
        }
    }

    private String row(CheckResult r) {
        String status = switch (r.status()) {
            case PASSED -> "pass";
            case FAILED -> "FAIL";
            case ERROR -> "ERROR";
            case SKIPPED -> "skip";
        };
        String head = String.format(Locale.ROOT, "%-7s %-" + idWidth + "s %6.2f s  ", status, r.id(), r.millis() / 1000.0);
        return terminal ? clip(head + r.message(), columns - 1) : head + r.message();
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 3)) + "...";
    }
}
