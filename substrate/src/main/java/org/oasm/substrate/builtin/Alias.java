package org.oasm.substrate.builtin;

import java.util.List;
import java.util.TreeMap;
import org.oasm.substrate.exec.CommandIO;

/** {@code alias [NAME[=VALUE]]...}: defines or prints aliases, in bash's format. */
final class Alias implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        var aliases = ctx.state().aliases();
        List<String> rest = args.stream().filter(a -> !a.equals("-p")).toList();
        if (rest.isEmpty()) {
            new TreeMap<>(aliases).forEach((k, v) -> io.out().println(format(k, v)));
            return 0;
        }
        int status = 0;
        for (String a : rest) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                String n = a.substring(0, eq);
                if (!validName(n)) {
                    io.err().println(ctx.state().errorPrefix() + "alias: `" + n + "': invalid alias name");
                    status = 1;
                    continue;
                }
                aliases.put(n, a.substring(eq + 1));
            } else if (aliases.containsKey(a)) {
                io.out().println(format(a, aliases.get(a)));
            } else {
                io.err().println(ctx.state().errorPrefix() + "alias: " + a + ": not found");
                status = 1;
            }
        }
        return status;
    }

    /** Bash refuses alias names with blanks, quotes, slashes, expansions or shell operators. */
    static boolean validName(String n) {
        for (char c : n.toCharArray()) {
            if (" \t\n/$`='\"\\|&;()<>".indexOf(c) >= 0) {
                return false;
            }
        }
        return !n.isEmpty();
    }

    static String format(String name, String value) {
        return "alias " + name + "='" + value.replace("'", "'\\''") + "'";
    }
}
