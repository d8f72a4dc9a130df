package org.oasm.substrate.builtin;

import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/** {@code history [N]}: the line history, numbered as bash prints it. */
final class History implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        List<String> lines = ctx.history();
        if (args.size() == 1 && args.getFirst().equals("-c")) {
            lines.clear();
            return 0;
        }
        int from = 0;
        if (!args.isEmpty()) {
            try {
                from = Math.max(0, lines.size() - Integer.parseInt(args.getFirst()));
            } catch (NumberFormatException e) {
                io.err().println(ctx.state().errorPrefix() + "history: " + args.getFirst() + ": numeric argument required");
                return 1;
            }
        }
        for (int i = from; i < lines.size(); i++) {
            io.out().printf("%5d  %s%n", i + 1, lines.get(i));
        }
        return 0;
    }
}
