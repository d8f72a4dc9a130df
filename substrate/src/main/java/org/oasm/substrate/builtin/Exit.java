package org.oasm.substrate.builtin;

import java.util.List;
import org.oasm.substrate.exec.CommandIO;
import org.oasm.substrate.exec.ShellExit;

/** {@code exit [N]}: ends the shell (or the pipeline stage it runs in) with status N. */
final class Exit implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        if (args.isEmpty()) {
            throw new ShellExit(ctx.state().lastStatus());
        }
        if (args.size() > 1) {
            io.err().println(ctx.state().errorPrefix() + "exit: too many arguments");
            return 1;
        }
        try {
            throw new ShellExit((int) (Long.parseLong(args.getFirst().strip()) & 0xff));
        } catch (NumberFormatException e) {
            io.err().println(ctx.state().errorPrefix() + "exit: " + args.getFirst() + ": numeric argument required");
            throw new ShellExit(2);
        }
    }
}
