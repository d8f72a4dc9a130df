package org.oasm.substrate.builtin;

import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/** {@code export [-p] [NAME[=VALUE]]...}: marks variables for the environment of programs. */
final class Export implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        var state = ctx.state();
        List<String> names = args.stream().filter(a -> !a.equals("-p") && !a.equals("--")).toList();
        if (names.isEmpty()) {
            for (String n : state.exportedNames()) {
                String v = state.variable(n);
                io.out().println(v == null ? "declare -x " + n : "declare -x " + n + "=\"" + quote(v) + "\"");
            }
            return 0;
        }
        int status = 0;
        for (String a : names) {
            int eq = a.indexOf('=');
            String var = eq < 0 ? a : a.substring(0, eq);
            if (!var.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                io.err().println(state.errorPrefix() + "export: `" + a + "': not a valid identifier");
                status = 1;
                continue;
            }
            if (eq >= 0) {
                state.assign(var, a.substring(eq + 1));
            }
            state.export(var);
        }
        return status;
    }

    /** Escapes a value the way {@code declare -p} prints it inside double quotes. */
    static String quote(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
    }
}
