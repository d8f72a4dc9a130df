package org.oasm.formats.convert;

/**
 * A literal block scalar ({@code |}, {@code |-}, {@code |+}) for {@link YamlToJson}, gathered
 * line by line as YAML 1.2.2 (section 8.1.2) reads it: the content's indentation is that of its
 * first line that is not empty, which must be deeper than the parent's; the content ends at the
 * first line that is not empty and less indented; empty lines inside give line feeds; chomping
 * ({@code -} strip, none clip, {@code +} keep) decides the final line feeds. Cases it does not
 * settle (an explicit indentation, empty lines before the first content line indented deeper
 * than it, no content at all with {@code +}) give up.
 */
final class LiteralBlock {

    private final int parent;
    private final byte chomping;
    private final int maxString;
    private int indent = -1;
    private int deepestLeadingEmpty;
    private int emptyLines;
    private boolean content;
    private byte[] text = new byte[256];
    private int length;

    /** {@code chomping}: {@code '-'}, {@code '+'} or 0 for clip. */
    LiteralBlock(int parentIndent, byte chomping, int maxString) {
        this.parent = parentIndent;
        this.chomping = chomping;
        this.maxString = maxString;
    }

    /** Takes the line {@code b[from, to)} if it belongs to the block; false when it ends the block. */
    boolean take(byte[] b, int from, int to) {
        int spaces = 0;
        while (from + spaces < to && b[from + spaces] == ' ') {
            spaces++;
        }
        boolean blank = from + spaces == to;
        if (indent < 0) {
            if (blank) {
                deepestLeadingEmpty = Math.max(deepestLeadingEmpty, spaces);
                emptyLines++;
                return true;
            }
            if (spaces <= parent) {
                return false;
            }
            if (deepestLeadingEmpty > spaces) {
                throw new FastPath.GiveUp("an empty line deeper than the block scalar's first line");
            }
            indent = spaces;
        } else if (blank && spaces <= indent) {
            emptyLines++;
            return true;
        } else if (!blank && spaces < indent) {
            return false;
        }
        line(b, from + indent, to);
        return true;
    }

    private void line(byte[] b, int from, int to) {
        int breaks = (content ? 1 : 0) + emptyLines;
        room(breaks + to - from);
        for (int k = 0; k < breaks; k++) {
            text[length++] = '\n';
        }
        System.arraycopy(b, from, text, length, to - from);
        length += to - from;
        emptyLines = 0;
        content = true;
    }

    private void room(int n) {
        if (length + n + 8 > text.length) {
            if (length + n > maxString) {
                throw new FastPath.GiveUp("string beyond the limit");
            }
            text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, length + n + 8));
        }
    }

    /** Writes the scalar; {@code lastBreak}: whether the block's last line ended in a line feed. */
    void write(JsonBytes out, boolean lastBreak) {
        if (!lastBreak) {
            throw new FastPath.GiveUp("a block scalar at the end of input without a final line feed");
        }
        if (!content) {
            if (chomping == '+') {
                throw new FastPath.GiveUp("a kept block scalar with no content");
            }
        } else if (chomping != '-') {
            int breaks = chomping == '+' ? 1 + emptyLines : 1;
            room(breaks);
            for (int k = 0; k < breaks; k++) {
                text[length++] = '\n';
            }
        }
        if (length > maxString) {
            throw new FastPath.GiveUp("string beyond the limit");
        }
        out.quoted(text, 0, length);
    }
}
