package org.oasm.substrate.builtin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/** {@code source FILE [ARG...]} and {@code . FILE}: runs a file's commands in the current shell. */
final class Source implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        if (args.isEmpty()) {
            io.err().println(ctx.state().errorPrefix() + name + ": filename argument required");
            io.err().println(name + ": usage: " + name + " filename [arguments]");
            return 2;
        }
        Path file = ctx.state().cwd().resolve(args.getFirst());
        if (Files.isDirectory(file)) {
            io.err().println(ctx.state().errorPrefix() + name + ": " + args.getFirst() + ": is a directory");
            return 1;
        }
        if (!Files.isRegularFile(file)) {
            io.err().println(ctx.state().errorPrefix() + args.getFirst() + ": No such file or directory");
            return 1;
        }
        io.out().flush();
        io.err().flush();
        return ctx.source(file, args.subList(1, args.size()));
    }
}
