package org.oasm.cockpit.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One automaton (Aho-Corasick) over the needles of every rule of a language, so that a file is
 * read once for all its rules instead of once per rule: each place where a needle starts is
 * reported with the rule it belongs to. The automaton reads ASCII folded to lower case; a
 * needle of a case-sensitive rule is then checked against the text as it is. Needles are ASCII
 * ({@link Needles}), so any other character simply restarts the automaton.
 */
final class Prefilter {

    /** Receives the hits of one pass. */
    interface Hits {
        void hit(int rule, int start);
    }

    private static final int WIDTH = 128;

    private final int[] delta;         // state * WIDTH + folded char -> state
    private final int[] outStart;      // per state: index into outNeedles, -1 when it ends no needle
    private final int[] outNeedles;    // needle ids, each list ended by -1
    private final char[][] needle;     // per needle id: its text (as written, for case-sensitive rules)
    private final boolean[] exactCase; // per needle id: must match case
    private final int[] ruleOf;        // per needle id: the rule it belongs to

    /** @param needles per rule, its needle list (null or empty: the rule has none) and whether case matters */
    Prefilter(List<List<String>> needles, boolean[] caseSensitive) {
        List<char[]> all = new ArrayList<>();
        List<Integer> rules = new ArrayList<>();
        List<Boolean> exact = new ArrayList<>();
        for (int r = 0; r < needles.size(); r++) {
            if (needles.get(r) == null) {
                continue;
            }
            for (String n : needles.get(r)) {
                all.add(n.toCharArray());
                rules.add(r);
                exact.add(caseSensitive[r]);
            }
        }
        this.needle = all.toArray(new char[0][]);
        this.ruleOf = rules.stream().mapToInt(Integer::intValue).toArray();
        this.exactCase = new boolean[needle.length];
        for (int i = 0; i < needle.length; i++) {
            exactCase[i] = exact.get(i);
        }
        // the trie
        List<int[]> next = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        next.add(newRow());
        ends.add(new ArrayList<>());
        for (int id = 0; id < needle.length; id++) {
            int s = 0;
            for (char c : needle[id]) {
                int f = fold(c);
                if (next.get(s)[f] < 0) {
                    next.get(s)[f] = next.size();
                    next.add(newRow());
                    ends.add(new ArrayList<>());
                }
                s = next.get(s)[f];
            }
            ends.get(s).add(id);
        }
        // failure links, breadth first, turning the trie into a full transition table
        int states = next.size();
        int[] fail = new int[states];
        delta = new int[states * WIDTH];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < WIDTH; c++) {
            int t = next.get(0)[c];
            if (t < 0) {
                delta[c] = 0;
            } else {
                delta[c] = t;
                fail[t] = 0;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            ends.get(s).addAll(ends.get(fail[s]));
            for (int c = 0; c < WIDTH; c++) {
                int t = next.get(s)[c];
                if (t < 0) {
                    delta[s * WIDTH + c] = delta[fail[s] * WIDTH + c];
                } else {
                    delta[s * WIDTH + c] = t;
                    fail[t] = delta[fail[s] * WIDTH + c];
                    queue.add(t);
                }
            }
        }
        outStart = new int[states];
        Arrays.fill(outStart, -1);
        List<Integer> flat = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            if (!ends.get(s).isEmpty()) {
                outStart[s] = flat.size();
                flat.addAll(ends.get(s));
                flat.add(-1);
            }
        }
        outNeedles = flat.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] newRow() {
        int[] row = new int[WIDTH];
        Arrays.fill(row, -1);
        return row;
    }

    private static int fold(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    boolean isEmpty() {
        return needle.length == 0;
    }

    /** Every needle start in {@code text[0, length)} (ASCII bytes), in the order the needles end. */
    void run(byte[] text, int length, Hits hits) {
        int s = 0;
        int[] d = delta;
        int[] out = outStart;
        for (int i = 0; i < length; i++) {
            int b = text[i];
            if (b < 0) {
                s = 0;
                continue;
            }
            if (b >= 'A' && b <= 'Z') {
                b += 32;
            }
            s = d[(s << 7) | b];
            if (out[s] >= 0) {
                report(s, i, text, length, null, hits);
            }
        }
        if (length == 0 || text[length - 1] != '\n') {
            end(s, length, text, length, null, hits);
        }
    }

    /** A virtual line feed after a last line that has none: {@code $} matches there too. */
    private void end(int s, int at, byte[] bytes, int length, String text, Hits hits) {
        int t = delta[(s << 7) | '\n'];
        if (outStart[t] >= 0) {
            report(t, at, bytes, length, text, hits);
        }
    }

    /** As {@link #run(byte[], int, Hits)}, over the characters of a string. */
    void run(String text, Hits hits) {
        int s = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int c = text.charAt(i);
            if (c >= WIDTH) {
                s = 0;
                continue;
            }
            s = delta[(s << 7) | fold(c)];
            if (outStart[s] >= 0) {
                report(s, i, null, text.length(), text, hits);
            }
        }
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            end(s, text.length(), null, text.length(), text, hits);
        }
    }

    private void report(int state, int end, byte[] bytes, int length, String text, Hits hits) {
        for (int k = outStart[state]; outNeedles[k] >= 0; k++) {
            int id = outNeedles[k];
            char[] n = needle[id];
            int start = end - n.length + 1;
            if (exactCase[id] && !sameCase(n, start, bytes, length, text)) {
                continue;
            }
            hits.hit(ruleOf[id], start);
        }
    }

    /** Whether the text at {@code start} is the needle, case included (the virtual line feed after the end counted). */
    private static boolean sameCase(char[] n, int start, byte[] bytes, int length, String text) {
        for (int j = 0; j < n.length; j++) {
            int at = start + j;
            int c = at >= length ? '\n' : bytes != null ? bytes[at] : text.charAt(at);
            if (c != n[j]) {
                return false;
            }
        }
        return true;
    }
}
