package org.oasm.substrate.builtin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oasm.substrate.exec.CommandIO;
import org.oasm.substrate.exec.CommandResolver;

/**
 * {@code env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]}: prints the exported environment,
 * or runs a program with a changed one.
 */
final class Env implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) throws IOException {
        Map<String, String> env = new TreeMap<>(ctx.state().environment());
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("-i") || a.equals("-")) {
                env.clear();
            } else if (a.equals("-u") && i + 1 < args.size()) {
                env.remove(args.get(++i));
            } else if (a.contains("=") && !a.startsWith("=")) {
                env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.equals("--")) {
                i++;
                break;
            } else {
                break;
            }
            i++;
        }
        if (i >= args.size()) {
            env.forEach((k, v) -> io.out().println(k + "=" + v));
            return 0;
        }
        List<String> argv = new ArrayList<>(args.subList(i, args.size()));
        String program = argv.getFirst();
        if (!program.contains("/")) {
            var found = CommandResolver.searchPath(program, ctx.state());
            if (found.isEmpty()) {
                io.err().println("env: '" + program + "': No such file or directory");
                return 127;
            }
            argv.set(0, found.get().toString());
        }
        io.out().flush();
        try {
            return ctx.launch(argv, env);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
