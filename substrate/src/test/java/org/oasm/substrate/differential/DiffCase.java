package org.oasm.substrate.differential;

import java.util.List;

/**
 * One line (or a few lines) of shell input to run through bash and through the substrate, with
 * what it reads on stdin, its positional arguments, and whether stderr can be compared.
 * {@code line} is where it starts in the case file, for messages.
 */
public record DiffCase(String source, String stdin, List<String> args, String stderrDiffers, int line) {

    /** True when stderr is compared too (bash's text for this case is stable). */
    public boolean comparesStderr() {
        return stderrDiffers == null;
    }

    @Override
    public String toString() {
        String s = source.replace("\n", "\u23ce");
        return "line " + line + ": " + (s.length() > 90 ? s.substring(0, 87) + "..." : s);
    }
}
