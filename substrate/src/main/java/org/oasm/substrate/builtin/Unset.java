package org.oasm.substrate.builtin;

import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/** {@code unset [-v] NAME...}: removes variables. */
final class Unset implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        int status = 0;
        for (String a : args) {
            if (a.equals("-v") || a.equals("-f") || a.equals("--")) {
                continue;
            }
            if (!a.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                io.err().println(ctx.state().errorPrefix() + "unset: `" + a + "': not a valid identifier");
                status = 1;
                continue;
            }
            ctx.state().unset(a);
        }
        return status;
    }
}
