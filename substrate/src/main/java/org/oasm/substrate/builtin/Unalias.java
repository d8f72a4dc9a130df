package org.oasm.substrate.builtin;

import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/** {@code unalias [-a] NAME...}: removes aliases, the other half of {@code alias}. */
final class Unalias implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        var aliases = ctx.state().aliases();
        if (args.isEmpty()) {
            io.err().println(ctx.state().errorPrefix() + "unalias: usage: unalias [-a] name [name ...]");
            return 2;
        }
        int status = 0;
        for (String a : args) {
            if (a.equals("-a")) {
                aliases.clear();
            } else if (aliases.remove(a) == null) {
                io.err().println(ctx.state().errorPrefix() + "unalias: " + a + ": not found");
                status = 1;
            }
        }
        return status;
    }
}
