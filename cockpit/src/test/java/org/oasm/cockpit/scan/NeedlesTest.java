package org.oasm.cockpit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.rules.ResolvedRule;
import org.oasm.cockpit.rules.RuleHierarchy;
import org.oasm.cockpit.rules.Rules;
import org.oasm.formats.root.OasmRoot;

/** What a pattern's matches must contain and where they start, which lets a scan skip text. */
class NeedlesTest {

    @TempDir
    Path dir;

    @Test
    void theNeedlesOfTypicalPatterns() {
        Needles.Facts unsafe = Needles.of("\\bunsafe\\s*\\{", false);
        assertEquals(List.of("unsafe"), unsafe.needles());
        assertTrue(unsafe.atStart(), "a match starts with 'unsafe'");
        Needles.Facts none = Needles.of("(?<at>[=!]=)\\s*None\\b", false);
        assertEquals(List.of("==", "!="), none.needles(), "a short class is a set of strings, and the start is worth more than length");
        assertTrue(none.atStart());
        assertEquals(List.of("new"), Needles.of("\\bnew\\s+(?<type>ArrayList|HashMap)\\s*\\(", false).needles());
        Needles.Facts except = Needles.of("^[ \\t]*(?<at>except)\\s*:", false);
        assertEquals(List.of("except"), except.needles());
        assertTrue(except.local() && !except.atStart(), "on the match's first line, after the indentation");
        assertEquals(Needles.Anchor.LINE, except.anchor());
        assertEquals(List.of(" \n", " \r\n", "\t\n", "\t\r\n"),
                Needles.of("^(?=[^\\n]*[ \\t]$)[^\\n]*?(?<at>[ \\t]+)$", false).needles(), "$ is a line end to look for");
        assertEquals(List.of("write-host"), Needles.of("\\bWrite-Host\\b", true).needles(), "lower case without regard to case");
        assertEquals(List.of("foo", "bar"), Needles.of("foo|bar", false).needles());
        assertEquals(List.of("<<<<<<<"), Needles.of("^<{7}", false).needles(), "a repeated character spelled out");
        assertEquals(List.of("solid"), Needles.of("\\A\\s*solid\\b(?![\\s\\S]*^\\s*endsolid\\b)", false).needles(),
                "a run of plain text after an unknown piece");
        assertFalse(Needles.of("\\A\\s*solid\\b", false).local(), "\\s* may cross lines");
        assertEquals(List.of("DATA;"), Needles.of("\\A(?=[\\s\\S]*^DATA;)(?![\\s\\S]*MANIFOLD_SOLID_BREP)", false).needles(),
                "a positive look-ahead's text is in the file");
    }

    @Test
    void patternsThatClaimNothing() {
        assertNull(Needles.of("(?i)select", false).needles(), "inline flags other than s");
        assertNull(Needles.of("\\Gabc", false).needles());
        assertNull(Needles.of("[a-z&&[^x]]yz", false).needles(), "intersections are not followed");
        assertNull(Needles.of("a?b*", false).needles());
        assertNull(Needles.of("^.{120}(?<at>.)", false).needles());
        assertNull(Needles.of("(abc", false).needles(), "not a pattern");
    }

    @Test
    void anchorsAndLengths() {
        Needles.Facts longLine = Needles.of("^.{120}(?<at>.)", false);
        assertEquals(Needles.Anchor.LINE, longLine.anchor());
        assertEquals(121, longLine.minLength());
        assertFalse(longLine.multiLine());
        Needles.Facts last = Needles.of("(?<at>[^\\n])\\z", false);
        assertTrue(last.atEnd());
        assertEquals(2, last.maxLength(), "a class may match a surrogate pair");
        assertEquals(Needles.Anchor.TEXT, Needles.of("\\A(?!ISO-10303-21;)", false).anchor());
        assertEquals(Needles.Anchor.NONE, Needles.of("(?:^\\s*|[|;]\\s*)gci", true).anchor(), "one branch is not anchored");
        assertTrue(Needles.of("a\\s*b", false).multiLine());
    }

    @Test
    void whatTheNeedlesClaimHoldsForEveryMatchOfEveryShippedRule() {
        RuleHierarchy h = Rules.load(new OasmRoot(dir.resolve("root")).create(), null).hierarchy();
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        String[] words = {"unsafe {", "let x = 1;", "x", ".unwrap()", "import os", "from typing import List", "def f(a):",
            "    except:", "a == None", "Write-Host hi", "WRITE-HOST", "try!(x)", "static mut X: u8 = 0;", "transmute::<&u8>(p)",
            "Box::leak(b)", "mem::forget(x)", "Rc<RefCell<u8>>", "TODO later", "new ArrayList()", "sun.misc.Unsafe",
            "ctypes.memmove(a)", "mem::uninitialized()", "*const u8", "gci", "| % {", "$token = 'x'", "function Do-It",
            "<<<<<<< HEAD", "=======", " ", "\t", "\n", "\r\n", "\r", "\u2028", "é", "😀", "x".repeat(125), "solid s",
            "facet normal 0 0 0", "vertex nan 0 0", "endsolid", "DATA;", "ISO-10303-21;", "units: mm", ": any", "os", "List"};
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                b.append(words[random.nextInt(words.length)]).append(random.nextBoolean() ? "\n" : " ");
            }
            texts.add(b.toString());
        }
        int checked = 0;
        for (String domain : h.domains()) {
            for (ResolvedRule r : h.resolve(domain)) {
                boolean ci = r.definition().ignoreCase();
                Needles.Facts facts = Needles.of(r.regex(), ci);
                Pattern p = Pattern.compile(r.regex(), Pattern.MULTILINE | (ci ? Pattern.CASE_INSENSITIVE : 0));
                for (String text : texts) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        checkMatch(r.id(), facts, text, m);
                        checked++;
                        if (m.end() == m.start() && m.end() >= text.length()) {
                            break;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 2000, "matches checked: " + checked);
    }

    private static void checkMatch(String id, Needles.Facts facts, String text, Matcher m) {
        String what = id + " at " + m.start() + " in " + text.replace("\n", "\\n");
        int length = m.end() - m.start();
        assertTrue(length >= facts.minLength() && length <= facts.maxLength(), what + ": length " + length);
        if (!facts.multiLine()) {
            assertFalse(m.group().contains("\n"), what + ": a line feed in a one-line match");
        }
        if (facts.atEnd()) {
            assertEquals(text.length(), m.end(), what + ": ends at the end");
        }
        int lineStart = text.lastIndexOf('\n', m.start() - 1) + 1;
        switch (facts.anchor()) {
            case TEXT -> assertEquals(0, m.start(), what);
            case LINE -> assertTrue(m.start() == 0 || "\n\r\u2028\u2029\u0085".indexOf(text.charAt(m.start() - 1)) >= 0, what);
            case NONE -> {
            }
        }
        if (facts.needles() == null || text.replace("\r\n", "\n").matches("(?s).*[\r\u0085\u2028\u2029].*")) {
            return; // line ends other than \n and \r\n: the scan does not use the needles there
        }
        String hay = text + "\n"; // the virtual line feed after a last line without one
        String folded = facts.ignoreCase() ? hay.toLowerCase(Locale.ROOT) : hay;
        boolean onFirstLine = false;
        boolean atStart = false;
        boolean anywhere = false;
        int lineEnd = hay.indexOf('\n', m.start());
        for (String n : facts.needles()) {
            atStart |= folded.startsWith(n, m.start());
            for (int k = folded.indexOf(n); k >= 0; k = folded.indexOf(n, k + 1)) {
                anywhere = true;
                onFirstLine |= k >= lineStart && k <= lineEnd;
            }
        }
        assertTrue(anywhere, what + ": no needle in the text");
        if (facts.atStart()) {
            assertTrue(atStart, what + ": no needle at the start");
        }
        if (facts.local()) {
            assertTrue(onFirstLine, what + ": no needle on the first line");
        }
    }

    @Test
    void theFinalNewlineRuleFindsWhatItsEarlierFormFound() {
        Pattern before = Pattern.compile("\\A(?=(?s:.*)(?<at>[^\\n])\\z)", Pattern.MULTILINE);
        Pattern now = Pattern.compile("(?<at>[^\\n])\\z", Pattern.MULTILINE);
        for (String text : List.of("", "\n", "a", "a\n", "a\nb", "a\r", "a\r\n", "\n\n", "x😀", "😀\n", "é", "a\u2028")) {
            Matcher b = before.matcher(text);
            Matcher n = now.matcher(text);
            boolean found = b.find();
            assertEquals(found, n.find(), text);
            if (found) {
                assertEquals(b.start("at"), n.start("at"), text);
                assertFalse(n.find(), "one finding at most");
            }
        }
    }
}
