package org.oasm.substrate.builtin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/** {@code cd [DIR|-]}: changes the working directory, logically (.. removes the last name), like bash. */
final class Cd implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        var state = ctx.state();
        List<String> rest = args.isEmpty() || !args.getFirst().equals("--") ? args : args.subList(1, args.size());
        if (rest.size() > 1) {
            io.err().println(state.errorPrefix() + "cd: too many arguments");
            return 1;
        }
        String target;
        boolean print = false;
        if (rest.isEmpty()) {
            target = state.variable("HOME");
            if (target == null) {
                io.err().println(state.errorPrefix() + "cd: HOME not set");
                return 1;
            }
        } else if (rest.getFirst().equals("-")) {
            target = state.variable("OLDPWD");
            if (target == null) {
                io.err().println(state.errorPrefix() + "cd: OLDPWD not set");
                return 1;
            }
            print = true;
        } else {
            target = rest.getFirst();
        }
        if (target.isEmpty()) {
            return 0;
        }
        Path dir = state.cwd().resolve(target).normalize();
        if (!Files.exists(dir)) {
            io.err().println(state.errorPrefix() + "cd: " + target + ": No such file or directory");
            return 1;
        }
        if (!Files.isDirectory(dir)) {
            io.err().println(state.errorPrefix() + "cd: " + target + ": Not a directory");
            return 1;
        }
        if (!Files.isExecutable(dir)) {
            io.err().println(state.errorPrefix() + "cd: " + target + ": Permission denied");
            return 1;
        }
        state.changeDirectory(dir);
        if (print) {
            io.out().println(dir);
        }
        return 0;
    }
}
