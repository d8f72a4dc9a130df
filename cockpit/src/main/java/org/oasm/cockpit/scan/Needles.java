package org.oasm.cockpit.scan;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a scan may assume about the matches of a rule's regular expression, read from the
 * pattern itself: a set of plain strings ("needles") one of which every match contains, whether
 * such a needle always starts on the match's first line or at the match's start, whether a
 * match may span lines, its shortest length, and whether every match starts at a line start
 * ({@code ^}) or at the text's start ({@code \A}). The scan looks for all the needles of all
 * rules in one pass over a file and runs a rule's regular expression only where its needles are,
 * so each fact must hold for every possible match: where the pattern uses something this reader
 * does not follow (inline flags other than {@code s}, {@code \G}, nested classes), it claims
 * nothing.
 *
 * <p>The reading follows {@code java.util.regex} syntax: it computes, for each piece of the
 * pattern, the small finite set of strings it matches when there is one (so {@code [=!]=}
 * gives {@code ==} and {@code !=}), and combines pieces: a sequence keeps its best required
 * set, an alternation unites its branches' sets, an optional piece requires nothing.
 * A positive look-ahead's needles are in the text from where it stands; other look-arounds
 * contribute nothing. Needles are ASCII only. {@code $} counts as a line feed (or {@code \r\n})
 * after the text before it, so facts about line ends hold for text whose lines end with
 * {@code \n} or {@code \r\n} (with a virtual {@code \n} after a last line that has none): the
 * scan searches other text the plain way.
 */
public final class Needles {

    /** Where every match starts. */
    public enum Anchor { NONE, LINE, TEXT }

    /**
     * The facts about one pattern.
     *
     * @param needles    every match contains one of these (lower case when {@code ignoreCase}); null when unknown
     * @param ignoreCase the needles are to be found without regard to ASCII case
     * @param local      a needle of every match starts on the match's first line
     * @param atStart    every match starts with one of the needles
     * @param multiLine  a match may contain a line feed
     * @param minLength  the shortest match's length
     * @param maxLength  the longest match's length, {@link #UNBOUNDED} when there is no bound
     * @param anchor     where matches start
     * @param atEnd      every match ends at the text's end ({@code \z})
     */
    public record Facts(List<String> needles, boolean ignoreCase, boolean local, boolean atStart, boolean multiLine,
            int minLength, int maxLength, Anchor anchor, boolean atEnd) {

        /** Facts that claim nothing: the pattern runs over the whole text. */
        static final Facts NONE = new Facts(null, false, false, false, true, 0, UNBOUNDED, Anchor.NONE, false);
    }

    /** The length of matches that have no bound. */
    public static final int UNBOUNDED = Integer.MAX_VALUE / 2;

    /**
     * Stands for {@code $} in the strings of a piece: the end of a line, which in text whose
     * lines end with {@code \n} or {@code \r\n} is followed by one of them (or is the text's
     * end, which the scan marks with a virtual {@code \n}). It matches no character.
     */
    static final char EOL = '\uffff';

    private static final int MAX_EXACT = 64;
    private static final int MAX_LENGTH = 48;
    private static final int MAX_CLASS = 16;

    /** One piece of a pattern and what is known about it. */
    private static final class Info {
        Set<String> exact;      // the strings it matches, when few; null otherwise
        boolean nl;             // a match may contain '\n'
        Set<String> req;        // every match contains one of these; null when nothing is known
        boolean local;          // ... starting on the match's first line
        boolean atStart;        // ... at the match's start
        int min;                // shortest match
        int max;                // longest match (UNBOUNDED: none); a class may match a surrogate pair
        boolean atEnd;          // every match ends at the text's end
        Anchor anchor = Anchor.NONE;
        Set<String> tail;       // the strings the match's last run of plain text may be, when known
        boolean tailLocal;      // ... and no line feed comes before that run

        static Info exact(Set<String> strings, boolean nl) {
            Info i = new Info();
            i.exact = strings;
            i.nl = nl;
            i.min = strings.stream().mapToInt(Needles::consumed).min().orElse(0);
            i.max = strings.stream().mapToInt(Needles::consumed).max().orElse(0);
            i.tail = strings;
            i.tailLocal = true;
            return i;
        }

        static Info empty() {
            return exact(Set.of(""), false);
        }

        static Info any(boolean nl) {
            Info i = new Info();
            i.nl = nl;
            i.min = 1;
            i.max = 2;
            return i;
        }

        boolean zeroWidth() {
            return exact != null && exact.size() == 1 && exact.contains("");
        }

        /** The required set, counting an exact set as one (a match is one of its strings). */
        void settle() {
            if (exact != null && !exact.contains("")) {
                Set<String> r = exact;
                if (req == null || score(r, true, true) >= score(req, local, atStart)) {
                    req = r;
                    local = true;
                    atStart = true;
                }
            }
            if (req != null && (req.isEmpty() || req.contains(""))) {
                req = null;
            }
            if (req == null) {
                local = false;
                atStart = false;
            }
        }
    }

    private final String re;
    private int pos;
    private boolean dotAll;
    private boolean unknown;

    private Needles(String re) {
        this.re = re;
    }

    /** The facts of {@code regex} compiled with {@code MULTILINE} (and {@code CASE_INSENSITIVE} when {@code ignoreCase}). */
    public static Facts of(String regex, boolean ignoreCase) {
        Needles n = new Needles(regex);
        Info top;
        try {
            top = n.alternation();
            if (n.pos != regex.length()) {
                return Facts.NONE;
            }
        } catch (RuntimeException e) {
            return Facts.NONE;
        }
        if (n.unknown) {
            return Facts.NONE;
        }
        top.settle();
        List<String> needles = null;
        if (top.req != null) {
            Set<String> folded = new LinkedHashSet<>();
            for (String s : top.req) {
                String t = ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
                int eol = t.indexOf(EOL);
                if (eol >= 0 && eol < t.length() - 1) {
                    folded.add(t.substring(0, eol)); // text after a line end: keep what comes before
                } else if (eol >= 0) {
                    folded.add(t.substring(0, eol) + "\n");
                    folded.add(t.substring(0, eol) + "\r\n");
                } else {
                    folded.add(t);
                }
            }
            if (folded.contains("")) {
                return new Facts(null, ignoreCase, false, false, top.nl, top.min, top.max, top.anchor, top.atEnd);
            }
            needles = List.copyOf(folded);
        }
        return new Facts(needles, ignoreCase, top.local, top.atStart, top.nl, top.min, top.max, top.anchor, top.atEnd);
    }

    /** How selective a needle set is: longer shortest needle first, then fewer needles. */
    private static int score(Set<String> s, boolean local, boolean atStart) {
        if (s == null || s.isEmpty()) {
            return Integer.MIN_VALUE;
        }
        int shortest = s.stream().mapToInt(String::length).min().orElse(0);
        if (shortest == 0) {
            return Integer.MIN_VALUE;
        }
        return Math.min(shortest, 8) * 10 - Math.min(s.size(), 9) + (atStart ? 40 : local ? 30 : 0);
    }

    private boolean more() {
        return pos < re.length();
    }

    private char peek() {
        return re.charAt(pos);
    }

    private Info alternation() {
        Info first = sequence();
        if (!more() || peek() != '|') {
            return first;
        }
        java.util.ArrayList<Info> branches = new java.util.ArrayList<>();
        branches.add(first);
        while (more() && peek() == '|') {
            pos++;
            branches.add(sequence());
        }
        Info out = new Info();
        Set<String> exact = new LinkedHashSet<>();
        Set<String> req = new LinkedHashSet<>();
        boolean local = true;
        boolean atStart = true;
        Anchor anchor = branches.getFirst().anchor;
        out.min = Integer.MAX_VALUE;
        boolean atEnd = true;
        for (Info b : branches) {
            b.settle();
            out.nl |= b.nl;
            out.min = Math.min(out.min, b.min);
            out.max = Math.max(out.max, b.max);
            atEnd &= b.atEnd;
            if (exact != null && b.exact != null && exact.size() + b.exact.size() <= MAX_EXACT) {
                exact.addAll(b.exact);
            } else {
                exact = null;
            }
            if (req != null && b.req != null) {
                req.addAll(b.req);
                local &= b.local;
                atStart &= b.atStart;
            } else {
                req = null;
            }
            if (b.anchor != anchor) {
                anchor = Anchor.NONE;
            }
        }
        out.atEnd = atEnd;
        out.exact = exact;
        if (exact != null) {
            out.tail = exact;
            out.tailLocal = true;
        }
        out.req = req;
        out.local = req != null && local;
        out.atStart = req != null && atStart;
        out.anchor = anchor;
        return out;
    }

    private Info sequence() {
        Info acc = Info.empty();
        boolean firstPiece = true;
        while (more() && peek() != '|' && peek() != ')') {
            Info piece = quantified();
            if (firstPiece) {
                acc.anchor = piece.anchor;
                firstPiece = false;
            }
            acc = concat(acc, piece);
        }
        return acc;
    }

    private static Info concat(Info a, Info b) {
        Info out = new Info();
        out.anchor = a.anchor;
        out.nl = a.nl || b.nl;
        out.min = (int) Math.min(UNBOUNDED, (long) a.min + b.min);
        out.max = (int) Math.min(UNBOUNDED, (long) a.max + b.max);
        out.atEnd = b.atEnd || (b.max == 0 && a.atEnd);
        out.exact = product(a.exact, b.exact);
        // the run of plain text at the end: a's run continued by b, or b's own
        if (b.exact != null) {
            out.tail = product(a.tail, b.exact);
            out.tailLocal = a.tailLocal;
            if (out.tail == null) {
                out.tail = b.exact;
                out.tailLocal = !a.nl;
            }
        } else if (b.tail != null) {
            out.tail = b.tail;
            out.tailLocal = b.tailLocal && !a.nl;
        }
        a.settle();
        b.settle();
        // the best of: what a requires, what b requires, the run at the end
        Set<String> best = a.req;
        boolean local = a.local;
        boolean atStart = a.atStart;
        if (b.req != null) {
            boolean bLocal = b.local && !a.nl;
            boolean bStart = b.atStart && a.zeroWidth();
            if (best == null || score(b.req, bLocal, bStart) > score(best, local, atStart)) {
                best = b.req;
                local = bLocal;
                atStart = bStart;
            }
        }
        if (out.tail != null && score(out.tail, out.tailLocal, false) >= score(best, local, atStart)) {
            best = out.tail;
            local = out.tailLocal;
            atStart = false;
        }
        out.req = best;
        out.local = local;
        out.atStart = atStart;
        return out;
    }

    /** Every string of {@code a} followed by every string of {@code b}, or null when either is unknown or it grows too big. */
    private static Set<String> product(Set<String> a, Set<String> b) {
        if (a == null || b == null || (long) a.size() * b.size() > MAX_EXACT) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String x : a) {
            for (String y : b) {
                String xy = x + y;
                if (xy.length() > MAX_LENGTH) {
                    return null;
                }
                out.add(xy);
            }
        }
        return out;
    }

    /** The characters a string of a piece consumes: {@link #EOL} consumes none. */
    private static int consumed(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != EOL) {
                n++;
            }
        }
        return n;
    }

    private Info quantified() {
        Info atom = atom();
        if (!more()) {
            return atom;
        }
        int min;
        int max;
        char c = peek();
        if (c == '*') {
            min = 0;
            max = Integer.MAX_VALUE;
            pos++;
        } else if (c == '+') {
            min = 1;
            max = Integer.MAX_VALUE;
            pos++;
        } else if (c == '?') {
            min = 0;
            max = 1;
            pos++;
        } else if (c == '{' && re.indexOf('}', pos) > pos) {
            int close = re.indexOf('}', pos);
            String body = re.substring(pos + 1, close);
            if (!body.matches("\\d+(,\\d*)?")) {
                return atom; // a literal brace
            }
            String[] parts = body.split(",", -1);
            min = Integer.parseInt(parts[0]);
            max = parts.length == 1 ? min : parts[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(parts[1]);
            pos = close + 1;
        } else {
            return atom;
        }
        if (more() && (peek() == '?' || peek() == '+')) {
            pos++;
        }
        return repeat(atom, min, max);
    }

    private static Info repeat(Info atom, int min, int max) {
        atom.settle();
        Info out = new Info();
        out.nl = atom.nl;
        out.min = (int) Math.min(UNBOUNDED, (long) atom.min * min);
        out.max = atom.max == 0 ? 0 : max == Integer.MAX_VALUE ? UNBOUNDED : (int) Math.min(UNBOUNDED, (long) atom.max * max);
        out.atEnd = min >= 1 && atom.atEnd;
        if (min >= 1) {
            out.req = atom.req;
            out.local = atom.local;
            out.atStart = atom.atStart;
            out.anchor = atom.anchor;
        }
        if (atom.exact == null) {
            return out;
        }
        // the first min repetitions: plain text every match starts with
        Set<String> power = Set.of("");
        for (int k = 0; k < min && power != null; k++) {
            power = product(power, atom.exact);
        }
        if (power != null && min >= 1 && !power.contains("")
                && score(power, true, true) > score(out.req, out.local, out.atStart)) {
            out.req = power;
            out.local = true;
            out.atStart = true;
        }
        if (max == Integer.MAX_VALUE || max - min > 4) {
            out.tail = null;
            return out;
        }
        // a short range: the strings it matches
        Set<String> all = new LinkedHashSet<>();
        for (int k = min; k <= max && power != null; k++) {
            all.addAll(power);
            power = k < max ? product(power, atom.exact) : power;
        }
        if (power != null && all.size() <= MAX_EXACT) {
            out.exact = all;
            out.tail = all;
            out.tailLocal = true;
        }
        return out;
    }

    private Info atom() {
        char c = peek();
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                return charClass();
            }
            case '.' -> {
                pos++;
                return Info.any(dotAll);
            }
            case '^' -> {
                pos++;
                Info i = Info.empty();
                i.anchor = Anchor.LINE;
                return i;
            }
            case '$' -> {
                pos++;
                return Info.exact(Set.of(String.valueOf(EOL)), false);
            }
            case '\\' -> {
                return escape();
            }
            case '*', '+', '?' -> {
                unknown = true; // a dangling quantifier: leave it to the regex compiler
                pos++;
                return Info.any(true);
            }
            default -> {
                pos++;
                return literal(c);
            }
        }
    }

    private static Info literal(char c) {
        if (c >= 128) {
            return Info.any(false);
        }
        return Info.exact(Set.of(String.valueOf(c)), c == '\n');
    }

    private Info group() {
        pos++; // (
        boolean saved = dotAll;
        Info inner;
        boolean lookaround = false;
        boolean ahead = false;
        if (more() && peek() == '?') {
            pos++;
            char k = peek();
            if (k == ':' || k == '>') {
                pos++;
            } else if (k == '=' || k == '!') {
                pos++;
                lookaround = true;
                ahead = k == '=';
            } else if (k == '<' && pos + 1 < re.length() && (re.charAt(pos + 1) == '=' || re.charAt(pos + 1) == '!')) {
                pos += 2;
                lookaround = true;
            } else if (k == '<') {
                int close = re.indexOf('>', pos);
                pos = close + 1;
            } else {
                // inline flags: (?s) (?s:...) follow dot-all; any other flag changes what we assume
                int start = pos;
                while (more() && peek() != ')' && peek() != ':') {
                    pos++;
                }
                String flags = re.substring(start, pos);
                if (!flags.matches("-?s|s")) {
                    unknown = true;
                }
                boolean on = !flags.startsWith("-");
                if (peek() == ')') {
                    pos++;
                    dotAll = on; // the rest of the enclosing group
                    return Info.empty();
                }
                pos++; // :
                dotAll = on;
            }
        }
        inner = alternation();
        if (!more() || peek() != ')') {
            throw new IllegalArgumentException("unclosed group");
        }
        pos++;
        dotAll = saved;
        if (lookaround) {
            // matches no text; a positive look-ahead's needles are still in the text from here
            Info i = Info.empty();
            if (ahead) {
                inner.settle();
                i.req = inner.req;
                i.local = inner.local;
                i.atStart = inner.atStart;
            }
            return i;
        }
        return inner;
    }

    private Info escape() {
        if (pos + 1 >= re.length()) {
            throw new IllegalArgumentException("trailing backslash");
        }
        char e = re.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 't' -> { return literal('\t'); }
            case 'n' -> { return literal('\n'); }
            case 'r' -> { return literal('\r'); }
            case 'f' -> { return literal('\f'); }
            case 'a' -> { return literal('\u0007'); }
            case 'e' -> { return literal('\u001b'); }
            case 'b', 'B', 'A', 'z', 'Z' -> {
                Info i = Info.empty();
                if (e == 'A') {
                    i.anchor = Anchor.TEXT;
                }
                i.atEnd = e == 'z';
                return i;
            }
            case 'G' -> {
                unknown = true;
                return Info.empty();
            }
            case 'd', 'w', 'S', 'h', 'H' -> { return Info.any(false); }
            case 's', 'D', 'W', 'v', 'V', 'R' -> { return Info.any(true); }
            case 'X' -> {
                Info i = Info.any(true);
                i.max = UNBOUNDED; // a grapheme cluster
                return i;
            }
            case 'p', 'P', 'N' -> {
                if (more() && peek() == '{') {
                    pos = re.indexOf('}', pos) + 1;
                } else {
                    pos++;
                }
                return Info.any(true);
            }
            case 'k' -> {
                pos = re.indexOf('>', pos) + 1;
                Info i = Info.any(true);
                i.min = 0;
                i.max = UNBOUNDED;
                return i;
            }
            case 'x' -> {
                String hex;
                if (more() && peek() == '{') {
                    int close = re.indexOf('}', pos);
                    hex = re.substring(pos + 1, close);
                    pos = close + 1;
                } else {
                    hex = re.substring(pos, pos + 2);
                    pos += 2;
                }
                int cp = Integer.parseInt(hex, 16);
                return cp < 128 ? literal((char) cp) : Info.any(false);
            }
            case 'u' -> {
                int cp = Integer.parseInt(re.substring(pos, pos + 4), 16);
                pos += 4;
                return cp < 128 ? literal((char) cp) : Info.any(cp == '\n');
            }
            case '0' -> {
                int start = pos;
                while (more() && pos - start < 3 && peek() >= '0' && peek() <= '7') {
                    pos++;
                }
                int cp = Integer.parseInt(re.substring(start, pos), 8);
                return literal((char) cp);
            }
            case 'c' -> {
                char x = re.charAt(pos++);
                return literal((char) (x ^ 64));
            }
            case 'Q' -> {
                int end = re.indexOf("\\E", pos);
                String quoted = end < 0 ? re.substring(pos) : re.substring(pos, end);
                pos = end < 0 ? re.length() : end + 2;
                if (quoted.chars().anyMatch(ch -> ch >= 128)) {
                    Info i = Info.any(quoted.indexOf('\n') >= 0);
                    i.min = quoted.length();
                    i.max = quoted.length();
                    return i;
                }
                return Info.exact(Set.of(quoted), quoted.indexOf('\n') >= 0);
            }
            default -> {
                if (e >= '1' && e <= '9') {
                    while (more() && Character.isDigit(peek())) {
                        pos++;
                    }
                    Info i = Info.any(true);
                    i.min = 0;
                    i.max = UNBOUNDED;
                    return i;
                }
                if (Character.isLetterOrDigit(e)) {
                    unknown = true;
                    return Info.any(true);
                }
                return literal(e);
            }
        }
    }

    /** A class: its members when it is a short list of ASCII characters, otherwise "one character". */
    private Info charClass() {
        pos++; // [
        boolean negated = more() && peek() == '^';
        if (negated) {
            pos++;
        }
        Set<String> members = new LinkedHashSet<>();
        boolean big = false;
        boolean newline = false;
        boolean first = true;
        while (more() && (peek() != ']' || first)) {
            first = false;
            char c = peek();
            if (c == '[' || (c == '&' && pos + 1 < re.length() && re.charAt(pos + 1) == '&')) {
                unknown = true; // nested classes and intersections: not followed
                skipClassRest();
                return Info.any(true);
            }
            int ch;
            if (c == '\\') {
                char e = re.charAt(pos + 1);
                pos += 2;
                switch (e) {
                    case 't' -> ch = '\t';
                    case 'n' -> ch = '\n';
                    case 'r' -> ch = '\r';
                    case 'f' -> ch = '\f';
                    case 'd', 'w', 'S', 'h', 'H' -> {
                        big = true;
                        continue;
                    }
                    case 's', 'D', 'W', 'v', 'V', 'R' -> {
                        big = true;
                        newline = true;
                        continue;
                    }
                    case 'p', 'P' -> {
                        pos = more() && peek() == '{' ? re.indexOf('}', pos) + 1 : pos + 1;
                        big = true;
                        newline = true;
                        continue;
                    }
                    case 'x', 'u', '0', 'c', 'Q', 'N' -> {
                        unknown = true;
                        skipClassRest();
                        return Info.any(true);
                    }
                    default -> {
                        if (Character.isLetterOrDigit(e)) {
                            unknown = true;
                            skipClassRest();
                            return Info.any(true);
                        }
                        ch = e;
                    }
                }
            } else {
                ch = c;
                pos++;
            }
            if (more() && peek() == '-' && pos + 1 < re.length() && re.charAt(pos + 1) != ']') {
                pos++;
                int hi;
                if (peek() == '\\') {
                    char e = re.charAt(pos + 1);
                    pos += 2;
                    if (Character.isLetterOrDigit(e) && e != 't' && e != 'n' && e != 'r' && e != 'f') {
                        unknown = true;
                        skipClassRest();
                        return Info.any(true);
                    }
                    hi = e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 'f' ? '\f' : e;
                } else {
                    hi = peek();
                    pos++;
                }
                if (ch <= '\n' && hi >= '\n') {
                    newline = true;
                }
                if (hi - ch + 1 > MAX_CLASS || hi >= 128) {
                    big = true;
                } else {
                    for (int k = ch; k <= hi; k++) {
                        members.add(String.valueOf((char) k));
                    }
                }
                continue;
            }
            if (ch == '\n') {
                newline = true;
            }
            if (ch >= 128) {
                big = true;
            } else {
                members.add(String.valueOf((char) ch));
            }
        }
        if (!more()) {
            throw new IllegalArgumentException("unclosed class");
        }
        pos++; // ]
        if (negated) {
            return Info.any(!newline);
        }
        if (big || members.size() > MAX_CLASS) {
            return Info.any(newline);
        }
        return Info.exact(members, newline);
    }

    private void skipClassRest() {
        int depth = 1;
        while (more() && depth > 0) {
            char c = peek();
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            pos++;
        }
    }
}
