package org.oasm.substrate.parse;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.oasm.substrate.lex.Lexer;
import org.oasm.substrate.lex.SyntaxException;
import org.oasm.substrate.lex.Token;

/**
 * Alias substitution as bash does it in an interactive shell: before a line is parsed, an
 * unquoted word in command position that names an alias is replaced by the alias's text (which
 * may hold pipes and lists), recursively but never into itself; a value ending in a blank makes
 * the next word a candidate too. The aliases are those defined when the line was read, so
 * {@code alias x=y; x} on one line does not use the new alias, exactly as in bash.
 */
public final class AliasExpansion {

    private AliasExpansion() {
    }

    /** The line with its aliases substituted; the line itself when it has none (or does not lex). */
    public static String expand(String source, Map<String, String> aliases) {
        if (aliases.isEmpty()) {
            return source;
        }
        return expand(source, aliases, new HashSet<>());
    }

    private static String expand(String source, Map<String, String> aliases, Set<String> active) {
        java.util.List<Token> tokens;
        try {
            tokens = Lexer.tokenize(source);
        } catch (SyntaxException e) {
            return source;
        }
        StringBuilder out = new StringBuilder();
        int copied = 0;
        boolean commandPosition = true;
        boolean redirectTarget = false;
        for (Token t : tokens) {
            switch (t.kind()) {
                case WORD -> {
                    if (redirectTarget) {
                        redirectTarget = false;
                    } else if (commandPosition && !Parser.isAssignment(t.word())) {
                        commandPosition = false;
                        String name = t.word().literalText();
                        String value = t.word().isPlain() && !active.contains(name) ? aliases.get(name) : null;
                        if (value != null) {
                            active.add(name);
                            String replaced = expand(value, aliases, active);
                            active.remove(name);
                            out.append(source, copied, t.start()).append(replaced);
                            copied = t.end();
                            commandPosition = value.endsWith(" ") || value.endsWith("\t");
                        }
                    }
                }
                case OPERATOR -> {
                    if (t.operator().isRedirection()) {
                        redirectTarget = true;
                    } else {
                        commandPosition = true;
                    }
                }
                case NEWLINE -> commandPosition = true;
                case EOF -> { }
            }
        }
        return out.append(source, copied, source.length()).toString();
    }
}
