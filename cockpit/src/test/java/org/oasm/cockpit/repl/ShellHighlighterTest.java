package org.oasm.cockpit.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class ShellHighlighterTest {

    private final ShellHighlighter h = new ShellHighlighter(name -> name.equals("echo") || name.equals("grep"));

    private static AttributedStyle at(AttributedString s, int i) {
        return s.styleAt(i);
    }

    @Test
    void colorsCommandsStringsOperatorsAndUnknownCommands() {
        String line = "echo 'x' $HOME | grep y && nosuch";
        AttributedString s = h.highlight(null, line);
        assertEquals(line, s.toString());
        assertEquals(ShellHighlighter.COMMAND, at(s, 0));
        assertEquals(ShellHighlighter.STRING, at(s, line.indexOf("'x'")));
        assertEquals(ShellHighlighter.VARIABLE, at(s, line.indexOf("$HOME")));
        assertEquals(ShellHighlighter.OPERATOR, at(s, line.indexOf('|')));
        assertEquals(ShellHighlighter.COMMAND, at(s, line.indexOf("grep")));
        assertEquals(ShellHighlighter.UNKNOWN, at(s, line.indexOf("nosuch")));
    }

    @Test
    void marksASyntaxErrorAndComments() {
        AttributedString bad = h.highlight(null, "echo a | | b");
        assertEquals(ShellHighlighter.ERROR, at(bad, "echo a | ".length()));
        AttributedString comment = h.highlight(null, "echo a # note");
        assertEquals(ShellHighlighter.COMMENT, at(comment, "echo a ".length()));
    }
}
