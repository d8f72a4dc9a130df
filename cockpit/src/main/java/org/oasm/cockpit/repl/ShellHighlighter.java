package org.oasm.cockpit.repl;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.oasm.substrate.lex.Lexer;
import org.oasm.substrate.lex.SyntaxException;
import org.oasm.substrate.lex.Token;
import org.oasm.substrate.lex.WordPart;

/**
 * Colours the line as it is typed, from the substrate's own tokens: the command word green when it
 * exists and red when it does not, quoted text yellow, variables magenta, operators cyan, comments
 * grey, and from a syntax error on, red.
 */
final class ShellHighlighter implements Highlighter {

    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.GREEN);
    static final AttributedStyle UNKNOWN = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle VARIABLE = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle OPERATOR = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).italic();
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).underline();

    private final Predicate<String> commandExists;

    ShellHighlighter(Predicate<String> commandExists) {
        this.commandExists = commandExists;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStyle[] styles = new AttributedStyle[buffer.length()];
        int errorAt = -1;
        try {
            List<Token> tokens = Lexer.tokenize(buffer);
            boolean commandPosition = true;
            for (Token t : tokens) {
                switch (t.kind()) {
                    case WORD -> {
                        boolean assignment = commandPosition && t.word().literalText().matches("[A-Za-z_][A-Za-z0-9_]*=.*");
                        if (commandPosition && !assignment) {
                            String name = t.word().literalText();
                            fill(styles, t.start(), t.end(), commandExists.test(name) ? COMMAND : UNKNOWN);
                            commandPosition = false;
                        } else {
                            styleWord(buffer, t, styles);
                        }
                    }
                    case OPERATOR -> {
                        fill(styles, t.start(), t.end(), OPERATOR);
                        if (!t.operator().isRedirection()) {
                            commandPosition = true;
                        }
                    }
                    case NEWLINE -> commandPosition = true;
                    case EOF -> { }
                }
            }
            markComments(buffer, styles);
            org.oasm.substrate.parse.Parser.parse(buffer);
        } catch (SyntaxException e) {
            errorAt = e.incomplete() ? -1 : Math.max(0, e.position());
            if (e.incomplete()) {
                fill(styles, Math.max(0, e.position()), buffer.length(), STRING);
            }
        }
        AttributedStringBuilder sb = new AttributedStringBuilder();
        for (int i = 0; i < buffer.length(); i++) {
            AttributedStyle s = errorAt >= 0 && i >= errorAt ? ERROR : styles[i];
            sb.style(s == null ? AttributedStyle.DEFAULT : s).append(buffer.charAt(i));
        }
        return sb.toAttributedString();
    }

    private static void styleWord(String buffer, Token t, AttributedStyle[] styles) {
        boolean quoted = t.word().parts().stream().anyMatch(p -> p instanceof WordPart.Literal l && l.quoted());
        boolean variable = t.word().parts().stream().anyMatch(p -> p instanceof WordPart.Param);
        if (quoted) {
            fill(styles, t.start(), t.end(), STRING);
        }
        if (variable) {
            var m = Pattern.compile("\\$(\\{[^}]*}|[A-Za-z_][A-Za-z0-9_]*|[?#@*$0-9])").matcher(buffer);
            m.region(t.start(), t.end());
            while (m.find()) {
                fill(styles, m.start(), m.end(), VARIABLE);
            }
        }
    }

    /** A # that starts a word starts a comment; the lexer drops comments, so find them here. */
    private static void markComments(String buffer, AttributedStyle[] styles) {
        boolean inSingle = false;
        boolean inDouble = false;
        for (int i = 0; i < buffer.length(); i++) {
            char c = buffer.charAt(i);
            if (c == '\\' && !inSingle) {
                i++;
            } else if (c == '\'' && !inDouble) {
                inSingle = !inSingle;
            } else if (c == '"' && !inSingle) {
                inDouble = !inDouble;
            } else if (c == '#' && !inSingle && !inDouble && (i == 0 || Character.isWhitespace(buffer.charAt(i - 1)))) {
                int end = buffer.indexOf('\n', i);
                fill(styles, i, end < 0 ? buffer.length() : end, COMMENT);
                i = end < 0 ? buffer.length() : end;
            }
        }
    }

    private static void fill(AttributedStyle[] styles, int from, int to, AttributedStyle s) {
        for (int i = Math.max(0, from); i < Math.min(to, styles.length); i++) {
            styles[i] = s;
        }
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
