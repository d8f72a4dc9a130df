package org.oasm.substrate.builtin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/**
 * {@code cd [-L|-P] [DIR|-]}: changes the working directory, logically by default (.. removes the
 * last name of $PWD) or physically with -P (symlinks resolved), like bash.
 */
final class Cd implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        var state = ctx.state();
        boolean physical = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'L' -> physical = false;
                    case 'P' -> physical = true;
                    case 'e', '@' -> { }
                    default -> {
                        io.err().println(state.errorPrefix() + "cd: -" + c + ": invalid option");
                        io.err().println("cd: usage: cd [-L|[-P [-e]] [-@]] [dir]");
                        return 2;
                    }
                }
            }
        }
        List<String> rest = args.subList(i, args.size());
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
        if (physical) {
            try {
                dir = dir.toRealPath();
            } catch (java.io.IOException e) {
                io.err().println(state.errorPrefix() + "cd: " + target + ": " + e.getMessage());
                return 1;
            }
        }
        state.changeDirectory(dir);
        if (print) {
            io.out().println(dir);
        }
        return 0;
    }
}
