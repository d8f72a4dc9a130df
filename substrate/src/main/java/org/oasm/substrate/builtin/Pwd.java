package org.oasm.substrate.builtin;

import java.io.IOException;
import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/** {@code pwd [-L|-P]}: prints the working directory (logical by default, physical with -P). */
final class Pwd implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) throws IOException {
        boolean physical = false;
        for (String a : args) {
            if (a.equals("-P")) {
                physical = true;
            } else if (a.equals("-L")) {
                physical = false;
            } else if (a.startsWith("-")) {
                io.err().println(ctx.state().errorPrefix() + "pwd: " + a + ": invalid option");
                io.err().println("pwd: usage: pwd [-LP]");
                return 2;
            }
        }
        io.out().println(physical ? ctx.state().cwd().toRealPath() : ctx.state().cwd());
        return 0;
    }
}
