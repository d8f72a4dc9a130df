package org.oasm.substrate.builtin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oasm.substrate.exec.CommandIO;
import org.oasm.substrate.exec.CommandResolver;

/**
 * {@code which [-a] NAME...}: where a command comes from. Programs print their path, as
 * debianutils' which does; builtins say {@code NAME: shell builtin}. Status 1 when one is missing.
 */
final class Which implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        boolean all = args.contains("-a");
        int status = 0;
        for (String a : args) {
            if (a.equals("-a")) {
                continue;
            }
            boolean found = false;
            if (ctx.builtins().contains(a)) {
                io.out().println(a + ": shell builtin");
                found = true;
                if (!all) {
                    continue;
                }
            }
            if (a.contains("/")) {
                Path p = ctx.state().cwd().resolve(a);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    io.out().println(a);
                    found = true;
                }
            } else if (all) {
                String path = ctx.state().variable("PATH");
                for (String dir : (path == null ? "" : path).split(":")) {
                    Path p = ctx.state().cwd().resolve(dir.isEmpty() ? "." : dir).resolve(a);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        io.out().println(p);
                        found = true;
                    }
                }
            } else {
                var p = CommandResolver.searchPath(a, ctx.state());
                if (p.isPresent()) {
                    io.out().println(p.get());
                    found = true;
                }
            }
            if (!found) {
                status = 1;
            }
        }
        return status;
    }
}
