package org.oasm.formats.workcopy;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renders the change of one file as a unified diff, the format of {@code diff -u} and
 * {@code git diff}: {@code --- a/PATH} and {@code +++ b/PATH} headers ({@code /dev/null} for an
 * absent side), {@code @@ -l,s +l,s @@} hunks with {@value #CONTEXT} lines of context, hunks
 * closer than twice the context merged, and {@code \ No newline at end of file} after a last
 * line without one. The output applies with {@code patch -p1} and {@code git apply}. Lines are
 * matched with Myers' algorithm (java-diff-utils); files that contain a NUL byte or are not
 * UTF-8 are reported as {@code Binary files ... differ}, as diff does.
 */
public final class UnifiedDiff {

    /** Lines of context around each change. */
    public static final int CONTEXT = 3;

    private static final String NO_NEWLINE = "\\ No newline at end of file\n";

    /**
     * One file's part of a diff.
     *
     * @param text    the rendered part, empty when the two sides are equal
     * @param added   lines added
     * @param removed lines removed
     * @param binary  whether either side is binary (then no lines are counted)
     */
    public record Section(String text, int added, int removed, boolean binary) {
    }

    private UnifiedDiff() {
    }

    /** The diff of {@code path} from {@code before} to {@code after}; null stands for an absent file. */
    public static Section file(String path, byte[] before, byte[] after) {
        if (Arrays.equals(before, after)) {
            return new Section("", 0, 0, false);
        }
        String oldName = before == null ? "/dev/null" : "a/" + path;
        String newName = after == null ? "/dev/null" : "b/" + path;
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a == null || b == null) {
            return new Section("Binary files " + oldName + " and " + newName + " differ\n", 0, 0, true);
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int[] counts = new int[2];
        List<AbstractDelta<String>> deltas = DiffUtils.diff(a, b).getDeltas();
        int i = 0;
        while (i < deltas.size()) {
            int j = i;
            while (j + 1 < deltas.size()
                    && deltas.get(j + 1).getSource().getPosition() - sourceEnd(deltas.get(j)) <= 2 * CONTEXT) {
                j++;
            }
            hunk(out, a, deltas.subList(i, j + 1), counts);
            i = j + 1;
        }
        return new Section(out.toString(), counts[0], counts[1], false);
    }

    private static void hunk(StringBuilder out, List<String> a, List<AbstractDelta<String>> group, int[] counts) {
        AbstractDelta<String> first = group.getFirst();
        AbstractDelta<String> last = group.getLast();
        int aStart = Math.max(0, first.getSource().getPosition() - CONTEXT);
        int bStart = first.getTarget().getPosition() - (first.getSource().getPosition() - aStart);
        int aEnd = Math.min(a.size(), sourceEnd(last) + CONTEXT);
        int bEnd = last.getTarget().getPosition() + last.getTarget().size() + (aEnd - sourceEnd(last));
        out.append("@@ -").append(range(aStart, aEnd - aStart)).append(" +").append(range(bStart, bEnd - bStart)).append(" @@\n");
        int pos = aStart;
        for (AbstractDelta<String> d : group) {
            for (; pos < d.getSource().getPosition(); pos++) {
                line(out, ' ', a.get(pos));
            }
            for (String l : d.getSource().getLines()) {
                line(out, '-', l);
                counts[1]++;
            }
            for (String l : d.getTarget().getLines()) {
                line(out, '+', l);
                counts[0]++;
            }
            pos = sourceEnd(d);
        }
        for (; pos < aEnd; pos++) {
            line(out, ' ', a.get(pos));
        }
    }

    private static int sourceEnd(AbstractDelta<String> d) {
        return d.getSource().getPosition() + d.getSource().size();
    }

    /** diff's range notation: {@code start,count}, {@code start} alone for one line, the line before for none. */
    private static String range(int start, int count) {
        if (count == 0) {
            return start + ",0";
        }
        return count == 1 ? String.valueOf(start + 1) : (start + 1) + "," + count;
    }

    private static void line(StringBuilder out, char prefix, String lineWithEnd) {
        out.append(prefix);
        if (lineWithEnd.endsWith("\n")) {
            out.append(lineWithEnd);
        } else {
            out.append(lineWithEnd).append('\n').append(NO_NEWLINE);
        }
    }

    /** The lines of a text, each with its {@code \n} (the last may lack one); null for binary content. */
    private static List<String> lines(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                lines.add(text.substring(start, k + 1));
                start = k + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
