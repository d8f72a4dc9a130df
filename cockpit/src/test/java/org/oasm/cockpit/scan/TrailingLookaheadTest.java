package org.oasm.cockpit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A look-ahead over the rest of the text, checked without the regex engine, agrees with the
 * engine at every position of texts full of the cases its checks spell out: word boundaries next
 * to non-ASCII letters, non-spacing marks and surrogate pairs, and every line terminator.
 */
class TrailingLookaheadTest {

    private static final List<String> PATTERNS = List.of(
            "^import\\s+(?<at>(?<name>[A-Za-z_]\\w*))[ \\t]*$(?![\\s\\S]*\\b\\k<name>\\b)",
            "^[ \\t]+(?<at>(?<name>[a-z][a-z0-9_]*))\\s*=(?!=)(?![\\s\\S]*\\b\\k<name>\\b)",
            "\\blet\\s+(?:mut\\s+)?(?<at>(?<name>[a-z][a-z0-9_]*))\\b\\s*(?::[^=;]+)?=(?![\\s\\S]*\\b\\k<name>\\b)",
            "^(?<line>(?:import|from)\\s[^\\n]*?)[ \\t]*$(?=[\\s\\S]*\\n\\k<line>[ \\t]*$)",
            "(\\w+)(?=[\\s\\S]*\\1)",
            "(?<w>[a-z]*)(?=[\\s\\S]*-\\k<w>\\b)",
            "(a|ab)(?![\\s\\S]*\\1c)");
    private static final String[] WORDS = {"import os", "import  sys", "os", "sys", "x", "xs", "_x", "x_", "  x = 1", "\tx=2",
        "let x = 3;", "let mut y: u8 = 4;", "y", "from a import b", "from a import b  ", "é", "éx", "xé", "x\u0301", "\u0301x",
        "😀x", "x😀", "-x", "-", "a", "ab", "abc", "ac", " ", "\t", "\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085"};

    @Test
    void theFormsItTakes() {
        assertNotNull(TrailingLookahead.of(PATTERNS.getFirst()));
        assertEquals("^import\\s+(?<at>(?<name>[A-Za-z_]\\w*))[ \\t]*$", TrailingLookahead.of(PATTERNS.getFirst()).head());
        assertNull(TrailingLookahead.of("a|b(?![\\s\\S]*x)"), "an alternation: the look-ahead belongs to one branch");
        assertNull(TrailingLookahead.of("(?i)a(?![\\s\\S]*x)"), "inline flags");
        assertNull(TrailingLookahead.of("a(?![\\s\\S]*x)b"), "not at the end");
        assertNull(TrailingLookahead.of("a(?![\\s\\S]*x+)"), "a piece it does not check");
        assertNull(TrailingLookahead.of("a(?!.*x)"), "not over the rest of the text");
        assertNull(TrailingLookahead.of("a\\(?![\\s\\S]*x)"), "an escaped parenthesis opens no group");
        assertNull(TrailingLookahead.of("(?![\\s\\S]*x)"), "nothing before it");
    }

    @Test
    void itAgreesWithTheEngineEverywhere() {
        Random random = new Random(3);
        int agreed = 0;
        for (String regex : PATTERNS) {
            TrailingLookahead la = TrailingLookahead.of(regex);
            assertNotNull(la, regex);
            Pattern whole = Pattern.compile(regex, Pattern.MULTILINE);
            Pattern head = Pattern.compile(la.head(), Pattern.MULTILINE);
            Pattern fallback = Pattern.compile(la.fallback(), Pattern.MULTILINE);
            for (int t = 0; t < 200; t++) {
                StringBuilder b = new StringBuilder();
                for (int k = random.nextInt(30); k > 0; k--) {
                    b.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(3) == 0 ? "\n" : "");
                }
                String text = b.toString();
                Matcher w = whole.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                Matcher h = head.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                Matcher f = fallback.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                for (int at = 0; at <= text.length(); at++) {
                    w.region(at, text.length());
                    h.region(at, text.length());
                    f.region(at, text.length());
                    boolean expected = w.lookingAt();
                    assertEquals(expected, f.lookingAt(), "the fallback at " + at + " of " + text);
                    boolean headMatches = h.lookingAt();
                    if (expected) {
                        assertTrue(headMatches, "the head matches wherever the whole does");
                    }
                    if (!headMatches) {
                        continue;
                    }
                    // the look-ahead depends only on where the head's match ends and on its groups, so it
                    // holds for the head's first match exactly when the engine's match is that one
                    boolean same = expected && w.end() == h.end();
                    for (int g = 1; same && g <= w.groupCount(); g++) {
                        same = w.start(g) == h.start(g) && w.end(g) == h.end(g);
                    }
                    assertEquals(same, la.holds(text, h), regex + " at " + at + " of " + text.replace("\n", "\\n"));
                    agreed++;
                }
            }
        }
        assertTrue(agreed > 10000, "positions compared: " + agreed);
    }
}
