package org.oasm.substrate.lex;

import java.util.List;

/** Writes words back as shell text that the lexer reads as the same words. */
public final class Quoting {

    private Quoting() {
    }

    /** The word as is when it is plain, otherwise in single quotes. */
    public static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Words joined by spaces, each quoted as needed. */
    public static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(quote(w));
        }
        return sb.toString();
    }
}
