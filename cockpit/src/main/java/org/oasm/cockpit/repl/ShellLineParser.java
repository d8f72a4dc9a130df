package org.oasm.cockpit.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.oasm.substrate.lex.SyntaxException;

/**
 * JLine's view of the shell language. When a line is accepted it asks the substrate's parser
 * whether the line is finished: an open quote, a trailing {@code |}, {@code &&} or backslash make
 * JLine ask for a continuation line instead of running it. Words for completion come from JLine's
 * default parser, which knows the same quotes.
 */
final class ShellLineParser implements Parser {

    private final DefaultParser words = new DefaultParser();

    ShellLineParser() {
        words.setEscapeChars(new char[] {'\\'});
        words.setQuoteChars(new char[] {'\'', '"'});
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE) {
            try {
                org.oasm.substrate.parse.Parser.parse(line);
            } catch (SyntaxException e) {
                if (e.incomplete()) {
                    throw new EOFError(-1, e.position(), e.getMessage(), missing(line));
                }
            }
            return words.parse(line, cursor, ParseContext.SPLIT_LINE);
        }
        try {
            return words.parse(line, cursor, context);
        } catch (EOFError e) {
            return words.parse(line, cursor, ParseContext.SPLIT_LINE);
        }
    }

    private static String missing(String line) {
        String t = line.stripTrailing();
        if (t.endsWith("|") || t.endsWith("&&")) {
            return t.endsWith("|") ? "pipe" : "and";
        }
        return t.endsWith("||") ? "or" : "quote";
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return ch == '\\';
    }
}
