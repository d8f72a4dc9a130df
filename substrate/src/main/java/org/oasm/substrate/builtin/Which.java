package org.oasm.substrate.builtin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/**
 * {@code which [-a] NAME...}: the program each name runs from PATH, printed as debianutils'
 * {@code which} prints it (the program bash users call), so scripts read the same output; shell
 * builtins are not programs and are not listed, as there. Names with a slash are checked as they
 * are. Status 1 when one is not found, 2 for a bad option.
 */
final class Which implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        boolean all = false;
        List<String> names = new ArrayList<>();
        boolean options = true;
        for (String a : args) {
            if (options && a.equals("--")) {
                options = false;
            } else if (options && a.startsWith("-") && a.length() > 1) {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'a' -> all = true;
                        default -> {
                            io.err().println("Illegal option -" + c);
                            String self = org.oasm.substrate.exec.CommandResolver.searchPath("which", ctx.state())
                                    .map(Path::toString).orElse("which");
                            io.out().println("Usage: " + self + " [-a] args");
                            return 2;
                        }
                    }
                }
            } else {
                options = false;
                names.add(a);
            }
        }
        if (names.isEmpty()) {
            return 1;
        }
        int status = 0;
        for (String a : names) {
            List<String> found = new ArrayList<>();
            if (a.contains("/")) {
                if (isProgram(ctx.state().cwd().resolve(a))) {
                    found.add(a);
                }
            } else {
                String path = ctx.state().variable("PATH");
                for (String dir : (path == null ? "" : path).split(":", -1)) {
                    String shown = (dir.isEmpty() ? "." : dir) + "/" + a;
                    if (isProgram(ctx.state().cwd().resolve(shown))) {
                        found.add(shown);
                        if (!all) {
                            break;
                        }
                    }
                }
            }
            if (found.isEmpty()) {
                status = 1;
            } else {
                found.forEach(io.out()::println);
            }
        }
        return status;
    }

    private static boolean isProgram(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
