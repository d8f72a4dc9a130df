package org.oasm.substrate.builtin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.oasm.substrate.exec.CommandIO;
import org.oasm.substrate.exec.CommandResolver;

/**
 * {@code env [-i] [-u NAME] [NAME=VALUE]... [COMMAND [ARG]...]}: prints the exported environment
 * (sorted, with {@code _} naming the env program as bash would set it), or runs a program with a
 * changed one, with GNU env's messages and statuses (127 not found, 126 not executable). Options
 * it does not know ({@code --help}, {@code -0}, {@code -S}, ...) are left to GNU env itself.
 */
final class Env implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) throws IOException {
        Map<String, String> env = new TreeMap<>(ctx.state().environment());
        // bash sets _ to the program it runs; -i and -u then work on that environment
        env.put("_", envProgram(ctx).map(Path::toString).orElse("/usr/bin/env"));
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("-i") || a.equals("-") || a.equals("--ignore-environment")) {
                env.clear();
            } else if (a.equals("-u") && i + 1 < args.size()) {
                env.remove(args.get(++i));
            } else if (a.equals("--")) {
                i++;
                break;
            } else if (a.startsWith("-")) {
                return external(args, env, io, ctx);
            } else if (a.contains("=") && !a.startsWith("=")) {
                env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
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
        Path file;
        if (program.contains("/")) {
            file = ctx.state().cwd().resolve(program);
        } else {
            Optional<Path> found = search(program, env, ctx);
            if (found.isEmpty()) {
                io.err().println("env: " + quote(program, ctx) + ": No such file or directory");
                return 127;
            }
            file = found.get();
            argv.set(0, CommandResolver.programWord(program, file));
        }
        if (!Files.exists(file)) {
            io.err().println("env: " + quote(program, ctx) + ": No such file or directory");
            return 127;
        }
        if (Files.isDirectory(file) || !Files.isExecutable(file)) {
            io.err().println("env: " + quote(program, ctx) + ": Permission denied");
            return 126;
        }
        return launch(argv, env, io, ctx);
    }

    /** Runs GNU env itself for what this builtin does not do. */
    private static int external(List<String> args, Map<String, String> env, CommandIO io, BuiltinContext ctx)
            throws IOException {
        Optional<Path> program = envProgram(ctx);
        if (program.isEmpty()) {
            io.err().println("env: unrecognized option '" + args.getFirst() + "'");
            return 125;
        }
        List<String> argv = new ArrayList<>();
        argv.add(CommandResolver.programWord("env", program.get()));
        argv.addAll(args);
        env.put("_", program.get().toString());
        return launch(argv, env, io, ctx);
    }

    private static int launch(List<String> argv, Map<String, String> env, CommandIO io, BuiltinContext ctx)
            throws IOException {
        io.out().flush();
        io.err().flush();
        try {
            return ctx.launch(argv, env);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static Optional<Path> envProgram(BuiltinContext ctx) {
        return CommandResolver.searchPath("env", ctx.state());
    }

    /** GNU env looks the program up on the PATH it was given (which -i may have removed). */
    private static Optional<Path> search(String program, Map<String, String> env, BuiltinContext ctx) {
        String path = env.getOrDefault("PATH", ctx.state().variable("PATH"));
        for (String dir : (path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(":", -1)) {
            Path p = ctx.state().cwd().resolve(dir.isEmpty() ? "." : dir).resolve(program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** GNU tools quote names in messages with ‘…’ in a UTF-8 locale and '…' otherwise. */
    static String quote(String s, BuiltinContext ctx) {
        String locale = null;
        for (String v : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String x = ctx.state().variable(v);
            if (x != null && !x.isEmpty()) {
                locale = x;
                break;
            }
        }
        boolean utf8 = locale != null && locale.toLowerCase(Locale.ROOT).replace("-", "").contains("utf8");
        return utf8 ? "\u2018" + s + "\u2019" : "'" + s + "'";
    }
}
