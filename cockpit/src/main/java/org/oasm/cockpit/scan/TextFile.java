package org.oasm.cockpit.scan;

/**
 * The text of one file with an index of where its lines start, so that a match offset becomes a
 * line and column (both from 1) and a rule's window of lines becomes a range of the text. The
 * index is built on first use: most files of a scan have no finding at all.
 */
public final class TextFile {

    private final String path;
    private final String text;
    private int[] lineStarts;
    private int maxLineLength = -1;

    public TextFile(String path, String text) {
        this.path = path;
        this.text = text;
    }

    /** The path relative to the scanned folder, {@code /}-separated. */
    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** The line (from 1) of an offset. */
    public int lineOf(int offset) {
        int[] starts = starts();
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** The column (from 1) of an offset on its line. */
    public int columnOf(int offset) {
        return offset - starts()[lineOf(offset) - 1] + 1;
    }

    /** The length of the longest line, line end not counted. */
    public int maxLineLength() {
        starts();
        return maxLineLength;
    }

    public int lineCount() {
        return starts().length;
    }

    /** Offset where line {@code line} (from 1, clamped) starts. */
    public int lineStart(int line) {
        int[] starts = starts();
        return starts[Math.max(0, Math.min(line, starts.length) - 1)];
    }

    /** Offset just after line {@code line} (clamped), its newline included. */
    public int lineEnd(int line) {
        int[] starts = starts();
        int l = Math.max(1, Math.min(line, starts.length));
        return l < starts.length ? starts[l] : text.length();
    }

    /** The text of a line without its line end. */
    public String line(int line) {
        String s = text.substring(lineStart(line), lineEnd(line));
        return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private int[] starts() {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int n = 1;
            int max = 0;
            for (int i = text.indexOf('\n'); i >= 0 && i + 1 < text.length(); i = text.indexOf('\n', i + 1)) {
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                }
                max = Math.max(max, i - starts[n - 1]);
                starts[n++] = i + 1;
            }
            int lastEnd = text.endsWith("\n") ? text.length() - 1 : text.length();
            maxLineLength = Math.max(max, lastEnd - starts[n - 1]);
            lineStarts = java.util.Arrays.copyOf(starts, n);
        }
        return lineStarts;
    }
}
