package org.oasm.substrate.builtin;

import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/**
 * {@code unset [-v] NAME...}: removes variables. A name that is not an identifier is an error only
 * with {@code -v}; without it bash looks for a function of that name and quietly finds none.
 */
final class Unset implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        int status = 0;
        boolean variablesOnly = false;
        for (String a : args) {
            if (a.equals("-v")) {
                variablesOnly = true;
                continue;
            }
            if (a.equals("-f") || a.equals("--")) {
                continue;
            }
            if (!a.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                if (!variablesOnly) {
                    // bash then tries a function of that name, which need not be an identifier
                    continue;
                }
                io.err().println(ctx.state().errorPrefix() + "unset: `" + a + "': not a valid identifier");
                status = 1;
                continue;
            }
            ctx.state().unset(a);
        }
        return status;
    }
}
