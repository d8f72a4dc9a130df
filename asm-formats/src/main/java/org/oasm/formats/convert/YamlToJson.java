package org.oasm.formats.convert;

import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import org.oasm.formats.document.Limits;

/**
 * Block-style YAML to one-line JSON straight from the input's bytes, for the YAML that data is
 * usually kept in (what {@code oasm convert --to yaml} and most programs write): block sequences
 * and mappings (also begun on a dash's line: {@code - key: value}, {@code - - a}), one entry per
 * line, plain keys, plain or single-line quoted values, flow sequences of plain scalars on one
 * line, {@code {}} and literal block scalars ({@link LiteralBlock}), with comments on lines of
 * their own or after values. It reproduces the general path's output byte for byte
 * (snakeyaml-engine's events, {@link CoreSchema}, Jackson's generator): plain scalars resolved by
 * the YAML 1.2 core schema, integers as written, decimals as {@code Double.toString} prints the
 * float when the decimal is exact.
 *
 * <p>It gives up ({@link FastPath.GiveUp}) on everything else, and the general path (the YAML
 * library) converts from the start: anything but printable text in UTF-8, spaces and line feeds
 * (tabs, carriage returns, controls, a byte-order mark, line separators other than line feed,
 * invalid UTF-8); document markers and directives; anchors, aliases and tags; folded block
 * scalars ({@code >}) and block scalar headers with an indentation; a scalar that goes on to the
 * next line; quoted keys, complex keys and keys the core schema reads as other than text; flow
 * mappings other than {@code {}} and nested flow collections; escapes in quoted scalars; numbers
 * in any form but {@code -?digits} and {@code -?digits.digits} (with an exponent or not);
 * repeated keys; anything the YAML library would refuse; the nesting and string limits.
 */
final class YamlToJson extends FileInput {

    /** The longest implicit key YAML allows (YAML 1.2.2, section 7.4.2). */
    private static final int LONGEST_KEY = 1024;
    /** The longest integer copied as it is written; longer ones are left to the general path. */
    private static final int LONGEST_INTEGER = 400;

    private final JsonBytes out;
    private final int maxDepth;
    private final int maxString;

    /** Per open block: its indentation, whether a mapping, whether no entry was written yet. */
    private int[] indent = new int[32];
    private boolean[] isMap = new boolean[32];
    private boolean[] first = new boolean[32];
    /** A sequence at the indentation of the key it is the value of ({@code key:} then {@code - a}). */
    private boolean[] atKeyIndent = new boolean[32];
    private KeyHashes[] keys = new KeyHashes[32];
    private int depth;
    private boolean started;
    /** A literal block scalar being read, or null. */
    private LiteralBlock literal;
    /** A key or dash whose value is on the lines below, if any: its column, and which it was. */
    private int pendingColumn = -1;
    private boolean pendingKey;
    /** The line at hand: {@code b[ls, le)}, without its line feed. */
    private int ls;
    private int le;

    YamlToJson(FileChannel in, OutputStream out, Limits limits) {
        super(in, limits.maxStringBytes());
        this.out = new JsonBytes(out);
        this.maxDepth = limits.maxDepth();
        this.maxString = limits.maxStringBytes();
    }

    /** Converts the whole input, or throws {@link FastPath.GiveUp}. */
    void run() {
        seek(0);
        if (limit == 0) {
            throw new FastPath.GiveUp("empty input");
        }
        boolean lastBreak = true;
        while (line()) {
            lastBreak = le < limit;
            if (literal == null || !literal.take(b, ls, le)) {
                if (literal != null) {
                    literal.write(out, true);
                    literal = null;
                }
                entry();
            }
            p = le < limit ? le + 1 : le;
        }
        if (literal != null) {
            literal.write(out, lastBreak);
        }
        if (!started) {
            throw new FastPath.GiveUp("no content");
        }
        if (pendingColumn >= 0) {
            out.ascii("null");
        }
        while (depth > 0) {
            close();
        }
        out.put((byte) '\n');
        out.flush();
    }

    /**
     * Finds the next line from {@link #p} on, reading on as needed; false at the end of the input.
     * Gives up on anything but printable text in UTF-8, spaces and line feeds ({@link #printable}).
     */
    private boolean line() {
        while (true) {
            int i = p;
            boolean cut = false;
            while (i < limit) {
                byte c = b[i];
                if (c == '\n') {
                    ls = p;
                    le = i;
                    return true;
                }
                if (c >= 0x20 && c != 0x7f) {
                    i++;
                    continue;
                }
                int n = c < 0 ? Utf8.sequence(b, i, limit) : 0;
                if (n < 0) {
                    cut = true; // the window ends inside the sequence: read on
                    break;
                }
                if (n == 0 || !printable(i, n)) {
                    throw new FastPath.GiveUp("a control, a line break other than line feed, or not UTF-8");
                }
                i += n;
            }
            if (eof || !refill(p)) {
                if (cut) {
                    throw new FastPath.GiveUp("the input ends inside a UTF-8 sequence");
                }
                if (p >= limit) {
                    return false;
                }
                ls = p;
                le = limit;
                return true;
            }
        }
    }

    /**
     * Whether the valid UTF-8 sequence {@code b[i, i + n)} is a character the fast path takes:
     * not a C1 control (U+0080-U+009F, with NEL, a line break to YAML), not U+2028 or U+2029
     * (line and paragraph separators), not U+FEFF (a byte-order mark) nor U+FFFE or U+FFFF.
     */
    private boolean printable(int i, int n) {
        int c0 = b[i] & 0xff;
        int c1 = b[i + 1] & 0xff;
        if (n == 2) {
            return c0 != 0xc2 || c1 >= 0xa0;
        }
        if (n == 3) {
            int c2 = b[i + 2] & 0xff;
            return !(c0 == 0xe2 && c1 == 0x80 && (c2 == 0xa8 || c2 == 0xa9))
                    && !(c0 == 0xef && (c1 == 0xbb && c2 == 0xbf || c1 == 0xbf && c2 >= 0xbe));
        }
        return true;
    }

    /** The line at hand: a blank or comment line, a sequence entry or a mapping entry. */
    private void entry() {
        int i = ls;
        while (i < le && b[i] == ' ') {
            i++;
        }
        if (i == le || b[i] == '#') {
            return;
        }
        int column = i - ls;
        if (column == 0 && le - ls >= 3 && (startsWith(i, "---") || startsWith(i, "..."))) {
            throw new FastPath.GiveUp("document marker");
        }
        boolean dash = b[i] == '-' && (i + 1 == le || b[i + 1] == ' ');
        place(column, dash);
        separator();
        if (!dash) {
            mapping(i);
            return;
        }
        int dashAt = i;
        while (true) {
            int c = dashAt + 1;
            while (c < le && b[c] == ' ') {
                c++;
            }
            if (c == le || b[c] == '#') {
                pending(dashAt - ls, false);
                return;
            }
            boolean innerDash = b[c] == '-' && (c + 1 == le || b[c + 1] == ' ');
            if (!innerDash && keyEnd(c) < 0) {
                value(c);
                return;
            }
            open(!innerDash, c - ls, false); // "- - a" or "- key: value": a block on the dash's line
            first[depth - 1] = false;
            if (!innerDash) {
                mapping(c);
                return;
            }
            dashAt = c;
        }
    }

    private boolean startsWith(int at, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes the block a line at {@code column} belongs to the innermost one: opens the block a
     * pending key or dash was waiting for, or writes its null and closes the blocks the line is
     * left of; gives up where the indentation says anything else (a scalar going on, a mapping
     * key at a column no mapping has).
     */
    private void place(int column, boolean dash) {
        if (!started) {
            started = true;
            open(!dash, column, false);
            return;
        }
        if (pendingColumn >= 0) {
            int parent = pendingColumn;
            boolean fromKey = pendingKey;
            pendingColumn = -1;
            if (column > parent || column == parent && dash && fromKey) {
                open(!dash, column, column == parent);
                return;
            }
            out.ascii("null");
        }
        while (depth > 0 && indent[depth - 1] > column) {
            close();
        }
        if (depth > 0 && !dash && !isMap[depth - 1] && atKeyIndent[depth - 1] && indent[depth - 1] == column) {
            close();
        }
        if (depth == 0) {
            throw new FastPath.GiveUp("content after the top-level value");
        }
        if (indent[depth - 1] != column || isMap[depth - 1] == dash) {
            throw new FastPath.GiveUp("indentation the fast path does not follow");
        }
    }

    private void pending(int column, boolean key) {
        pendingColumn = column;
        pendingKey = key;
    }

    private void open(boolean map, int column, boolean atKey) {
        if (depth + 2 >= maxDepth) {
            throw new FastPath.GiveUp("nesting limit");
        }
        if (depth == indent.length) {
            indent = java.util.Arrays.copyOf(indent, depth * 2);
            isMap = java.util.Arrays.copyOf(isMap, depth * 2);
            first = java.util.Arrays.copyOf(first, depth * 2);
            atKeyIndent = java.util.Arrays.copyOf(atKeyIndent, depth * 2);
            keys = java.util.Arrays.copyOf(keys, depth * 2);
        }
        indent[depth] = column;
        isMap[depth] = map;
        first[depth] = true;
        atKeyIndent[depth] = atKey;
        if (map) {
            if (keys[depth] == null) {
                keys[depth] = new KeyHashes();
            }
            keys[depth].clear();
        }
        depth++;
        out.put(map ? (byte) '{' : (byte) '[');
    }

    private void close() {
        depth--;
        out.put(isMap[depth] ? (byte) '}' : (byte) ']');
    }

    private void separator() {
        if (!first[depth - 1]) {
            out.put((byte) ',');
        }
        first[depth - 1] = false;
    }

    /**
     * Where the key of a mapping entry starting at {@code from} ends (its colon), or -1 when
     * there is no colon before the end of the line or a comment.
     */
    private int keyEnd(int from) {
        for (int j = from; j < le; j++) {
            byte c = b[j];
            if (c == ':' && (j + 1 == le || b[j + 1] == ' ')) {
                return j;
            }
            if (c == '#' && b[j - 1] == ' ') {
                return -1;
            }
        }
        return -1;
    }

    /** Where a comment begins on the line from {@code from} on (a {@code #} after a space), or its end. */
    private int commentAt(int from) {
        for (int j = from + 1; j < le; j++) {
            if (b[j] == '#' && b[j - 1] == ' ') {
                return j;
            }
        }
        return le;
    }

    /** A mapping entry {@code key: value} or {@code key:} whose key starts at {@code from}. */
    private void mapping(int from) {
        int colon = keyEnd(from);
        if (colon < 0) {
            throw new FastPath.GiveUp("not a mapping entry");
        }
        int end = colon;
        while (end > from && b[end - 1] == ' ') {
            end--;
        }
        if (end == from || end - from > LONGEST_KEY || indicator(b[from]) || CoreSchema.kind(b, from, end) != CoreSchema.Kind.TEXT) {
            throw new FastPath.GiveUp("a key the fast path leaves to the general path");
        }
        keys[depth - 1].add(b, from, end - from);
        out.quoted(b, from, end);
        out.put((byte) ':');
        int v = colon + 1;
        while (v < le && b[v] == ' ') {
            v++;
        }
        if (v == le || b[v] == '#') {
            pending(from - ls, true);
        } else {
            value(v);
        }
    }

    /**
     * A value from {@code from} to the end of the line or a comment: a plain or quoted scalar, a
     * flow sequence, or {@code {}}.
     */
    private void value(int from) {
        byte c = b[from];
        int to = c == '\'' || c == '"' ? le : commentAt(from);
        while (b[to - 1] == ' ') {
            to--;
        }
        if (c == '[') {
            flowSequence(from, to);
            return;
        }
        if (c == '\'' || c == '"') {
            quoted(from, to);
            return;
        }
        if (c == '|') {
            byte chomping = from + 1 < to && (b[from + 1] == '-' || b[from + 1] == '+') ? b[from + 1] : 0;
            if (from + (chomping == 0 ? 1 : 2) != to) {
                throw new FastPath.GiveUp("a block scalar header the fast path leaves to the general path");
            }
            literal = new LiteralBlock(indent[depth - 1], chomping, maxString);
            return;
        }
        if (c == '{' && b[to - 1] == '}' && blank(from + 1, to - 1)) {
            out.put((byte) '{');
            out.put((byte) '}');
            return;
        }
        if (indicator(c) || c == '-' && (from + 1 == to || b[from + 1] == ' ')) {
            throw new FastPath.GiveUp("a value the fast path leaves to the general path");
        }
        for (int j = from + 1; j < to; j++) {
            if (b[j] == ':' && (j + 1 == to || b[j + 1] == ' ')) {
                throw new FastPath.GiveUp("a colon and a space in a value");
            }
        }
        scalar(from, to);
    }

    private boolean blank(int from, int to) {
        for (int j = from; j < to; j++) {
            if (b[j] != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * The characters that cannot begin a plain scalar (and {@code ?} and {@code :}, which can only
     * before certain characters, left to the general path), besides {@code -} before a space.
     */
    private static boolean indicator(byte c) {
        return switch (c) {
            case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', '?', ':' -> true;
            default -> false;
        };
    }

    /** A flow sequence of plain scalars on one line: {@code [a, 1, true]}. */
    private void flowSequence(int from, int to) {
        if (b[to - 1] != ']') {
            throw new FastPath.GiveUp("a flow sequence that goes on");
        }
        if (depth + 2 >= maxDepth) {
            throw new FastPath.GiveUp("nesting limit");
        }
        out.put((byte) '[');
        int i = from + 1;
        boolean firstItem = true;
        while (true) {
            while (b[i] == ' ') {
                i++;
            }
            if (b[i] == ']' && firstItem) {
                if (i != to - 1) {
                    throw new FastPath.GiveUp("content after a flow sequence");
                }
                break;
            }
            int start = i;
            while (b[i] != ',' && b[i] != ']') {
                switch (b[i]) {
                    case '[', '{', '}', '#', ':', '\'', '"', '&', '*', '!', '|', '>', '%', '@', '`', '?' ->
                        throw new FastPath.GiveUp("a flow item the fast path leaves to the general path");
                    default -> i++;
                }
            }
            int end = i;
            while (end > start && b[end - 1] == ' ') {
                end--;
            }
            if (end == start || b[start] == '-' && (start + 1 == end || b[start + 1] == ' ')) {
                throw new FastPath.GiveUp("an empty or odd flow item");
            }
            if (!firstItem) {
                out.put((byte) ',');
            }
            firstItem = false;
            scalar(start, end);
            if (b[i] == ']') {
                if (i != to - 1) {
                    throw new FastPath.GiveUp("content after a flow sequence");
                }
                break;
            }
            i++;
            while (b[i] == ' ') {
                i++;
            }
            if (b[i] == ']') {
                throw new FastPath.GiveUp("a trailing comma");
            }
        }
        out.put((byte) ']');
    }

    /** A single- or double-quoted scalar that closes on this line and has no escapes. */
    private void quoted(int from, int to) {
        byte q = b[from];
        int close = from + 1;
        while (close < to && b[close] != q) {
            if (b[close] == '\\') {
                throw new FastPath.GiveUp("an escape in a quoted scalar");
            }
            close++;
        }
        if (close >= to || close + 1 < to && !(b[close + 1] == ' ' && b[commentAt(close + 1)] == '#'
                && blank(close + 1, commentAt(close + 1)))) {
            throw new FastPath.GiveUp("a quoted scalar with more after it than a comment, or on more lines");
        }
        if (close - from - 1 > maxString) {
            throw new FastPath.GiveUp("string beyond the limit");
        }
        out.quoted(b, from + 1, close);
    }

    /** A plain scalar {@code b[from, to)}, as the core schema reads it. */
    private void scalar(int from, int to) {
        if (to - from > maxString) {
            throw new FastPath.GiveUp("string beyond the limit");
        }
        switch (CoreSchema.kind(b, from, to)) {
            case NULL -> out.ascii("null");
            case BOOL -> out.ascii(b[from] == 't' || b[from] == 'T' ? "true" : "false");
            case TEXT -> out.quoted(b, from, to);
            default -> number(from, to);
        }
    }

    /**
     * A plain scalar the core schema reads as a number: written here in the forms
     * {@code -?(0|[1-9][0-9]*)} (as it is) and {@code -?(0|[1-9][0-9]*)\.[0-9]+([eE][-+]?[0-9]+)?}
     * (the float, when the decimal is exact); every other form is left to the general path.
     */
    private void number(int from, int to) {
        int i = from;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        long digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            digits = digits * 10 + (b[i] - '0');
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || intDigits > 1 && b[intStart] == '0') {
            throw new FastPath.GiveUp("a number in a form the fast path leaves to the general path");
        }
        if (i == to) {
            if (negative && intDigits == 1 && b[intStart] == '0' || to - from > LONGEST_INTEGER) {
                throw new FastPath.GiveUp("-0 or a long integer");
            }
            out.raw(b, from, to);
            return;
        }
        int fracDigits = 0;
        if (b[i] == '.') {
            int fracStart = ++i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                digits = digits * 10 + (b[i] - '0');
                i++;
            }
            fracDigits = i - fracStart;
        }
        int exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E') && fracDigits > 0) {
            i++;
            boolean negativeExponent = i < to && b[i] == '-';
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int expStart = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                exponent = Math.min(exponent * 10 + (b[i] - '0'), 100_000);
                i++;
            }
            if (i == expStart) {
                throw new FastPath.GiveUp("an exponent without digits");
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != to || fracDigits == 0) {
            throw new FastPath.GiveUp("a number in a form the fast path leaves to the general path");
        }
        out.float64(ShortestForm.decimal(b, from, to, negative, digits, intDigits + fracDigits, exponent - fracDigits));
    }
}
