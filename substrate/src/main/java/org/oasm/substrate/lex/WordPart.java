package org.oasm.substrate.lex;

/**
 * One piece of a shell word, as the lexer saw it. Quoting is kept per piece because expansion
 * needs it: quoted text is never split into fields nor used as a glob pattern.
 */
public sealed interface WordPart {

    /** Literal characters; {@code quoted} when they came from quotes or a backslash escape. */
    record Literal(String text, boolean quoted) implements WordPart { }

    /**
     * A parameter expansion: {@code $NAME}, {@code ${NAME}}, {@code $?}, {@code $1}, or with an
     * {@code operator}: {@code :-  -  :=  =  :+  +  :?  ?} and their word ({@code ${NAME:-word}}),
     * {@code #} for the length ({@code ${#NAME}}), {@code !} for indirection ({@code ${!NAME}}),
     * pattern removal {@code #  ##  %  %%} and replacement {@code /  //} (with its
     * {@code replacement} word), {@code :} for a substring ({@code ${NAME:1:2}}, the operand holds
     * "offset[:length]"), and case changes {@code ^  ^^  ,  ,,}.
     */
    record Param(String name, boolean quoted, String operator, Word operand, Word replacement) implements WordPart {
        public Param(String name, boolean quoted) {
            this(name, quoted, null, null, null);
        }

        public Param(String name, boolean quoted, String operator, Word operand) {
            this(name, quoted, operator, operand, null);
        }
    }

    /** {@code $(...)} or {@code `...`}: the output of commands, trailing newlines removed. */
    record Command(String source, boolean quoted) implements WordPart { }

    /**
     * A {@code ${...}} the shell cannot make sense of. Bash reports "bad substitution" only when
     * the word is expanded, so the line parses and earlier commands still run.
     */
    record Bad(String text) implements WordPart { }

    /** A leading unquoted {@code ~} or {@code ~user}; {@code user} is empty for the current one. */
    record Tilde(String user) implements WordPart { }
}
