package org.oasm.cockpit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.oasm.cockpit.rules.ResolvedRule;
import org.oasm.cockpit.rules.Rules;
import org.oasm.formats.root.OasmRoot;

/** The text a pattern's matches must contain, which lets a scan skip files. */
class LiteralTest {

    @Test
    void theLongestMandatoryPieceOfTheTopLevel() {
        assertEquals("unsafe", Literal.required("\\bunsafe\\s*\\{"));
        assertEquals(".unwrap()", Literal.required("\\.unwrap\\(\\)"));
        assertEquals("None", Literal.required("(?<at>[=!]=)\\s*None\\b"));
        assertEquals("Write-Host", Literal.required("\\bWrite-Host\\b"));
        assertEquals("transmute::<", Literal.required("transmute::<\\s*&"));
        assertEquals("import", Literal.required("^import\\s+(?<name>\\w+)(?![\\s\\S]*\\b\\k<name>\\b)"));
        assertEquals("abc", Literal.required("xy?abcd*"), "an optional character ends a piece and is not in it");
        assertEquals("abc", Literal.required("abc+d"), "a repeated character ends a piece and is in it");
    }

    @Test
    void noLiteralWhereAMatchNeedNotContainOne() {
        assertNull(Literal.required("foo|bar"));
        assertNull(Literal.required("(?i)select"));
        assertNull(Literal.required("[ \\t]+$"));
        assertNull(Literal.required("^.{120}(?<at>.)"));
        assertNull(Literal.required("a(bcd)e"), "pieces shorter than three are not worth it");
        assertNull(Literal.required("\\A(?!ISO-10303-21;)"));
    }

    @Test
    void everyShippedRulesLiteralIsInEachOfItsMatches() {
        var h = Rules.load(new OasmRoot(java.nio.file.Path.of("").toAbsolutePath().getParent()), null).hierarchy();
        String sample = String.join("\n", "unsafe { x }", "let y = 1;", "x.unwrap()", "import os", "from typing import List",
                "def f(a):", "    except:", "a == None", "Write-Host hi", "try!(x)", "static mut X: u8 = 0;",
                "transmute::<&u8, &u16>(p)", "Box::leak(b)", "mem::forget(x)", "Rc<RefCell<u8>>", "TODO later",
                "new ArrayList()", "sun.misc.Unsafe", "ctypes.memmove(a)", "mem::uninitialized()", "*const u8");
        int checked = 0;
        for (String domain : h.domains()) {
            for (ResolvedRule r : h.resolve(domain)) {
                String lit = Literal.required(r.regex());
                var m = Pattern.compile(r.regex(), Pattern.MULTILINE).matcher(sample);
                while (lit != null && m.find()) {
                    assertTrue(m.group().contains(lit), r.id() + ": match '" + m.group() + "' lacks '" + lit + "'");
                    checked++;
                }
            }
        }
        assertTrue(checked > 10, "matches checked: " + checked);
    }
}
