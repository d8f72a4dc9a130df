package org.oasm.cockpit.command;

import java.io.PrintWriter;
import java.util.List;
import org.oasm.cockpit.CockpitServices;
import org.oasm.cockpit.provenance.ProvenanceNotes;
import org.oasm.substrate.builtin.Builtin;
import org.oasm.substrate.lex.Quoting;
import org.oasm.substrate.builtin.BuiltinContext;
import org.oasm.substrate.exec.CommandIO;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandExecutionException;
import org.springframework.shell.core.command.CommandExecutor;
import org.springframework.shell.core.command.ParsedInput;

/**
 * The {@code oasm} command as the shell sees it: a builtin, so it joins pipes and redirections like
 * any program. It finds the subcommand in the {@link CommandCatalog}, checks its options, runs it
 * through Spring Shell's {@link CommandExecutor} and turns failures into one line and a status.
 */
public final class OasmBuiltin implements Builtin {

    private final CommandCatalog catalog;
    private final CockpitServices services;

    public OasmBuiltin(CommandCatalog catalog, CockpitServices services) {
        this.catalog = catalog;
        this.services = services;
    }

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext shell) {
        try {
            if (args.isEmpty() || args.getFirst().equals("--help") || args.getFirst().equals("-h")) {
                io.out().print(HelpRenderer.overview(catalog.all()));
                return 0;
            }
            OasmCommand command = catalog.match(args);
            if (command == null) {
                List<String> children = catalog.childrenOf(args.getFirst());
                if (!children.isEmpty() && args.size() == 1) {
                    throw new UsageError("oasm " + args.getFirst() + ": missing subcommand (" + String.join(", ", children) + ")");
                }
                String what = children.isEmpty() ? args.getFirst() : args.getFirst() + " " + args.get(1);
                throw new UsageError("oasm: unknown command '" + what + "' (try: oasm help)");
            }
            List<String> rest = args.subList(command.getName().split(" ").length, args.size());
            if (rest.contains("--help") || rest.contains("-h")) {
                io.out().print(command.getHelp());
                return 0;
            }
            ParsedInput input = ArgvParser.parse(command, rest);
            Invocation inv = new Invocation(input, io, shell, services, new ProvenanceNotes());
            PrintWriter writer = new PrintWriter(io.out(), true);
            CommandContext ctx = new CommandContext(input, catalog.registry(), writer, null);
            String line = commandLine(args);
            services.currentCommand(line);
            int status = 1;
            try {
                status = ScopedValue.where(OasmCommand.CURRENT, inv)
                        .call(() -> new CommandExecutor(catalog.registry()).execute(ctx).code());
                return status;
            } catch (Exception e) {
                status = ExitStatuses.of(unwrap(e));
                throw e;
            } finally {
                services.currentCommand(null);
                if (command.recorded()) {
                    int finalStatus = status;
                    inv.notes().defaultCommandBlock("oasm." + command.getName().replace(' ', '.'));
                    services.recorder().ifPresent(r -> r.commandFinished(line, finalStatus, inv.notes()));
                }
            }
        } catch (UsageError e) {
            io.err().println(e.getMessage().startsWith("oasm") ? e.getMessage() : "oasm: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            return report(unwrap(e), io);
        } finally {
            io.out().flush();
        }
    }

    private static String commandLine(List<String> args) {
        return "oasm " + Quoting.join(args);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CommandExecutionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private int report(Throwable t, CommandIO io) {
        if (t instanceof UsageError u) {
            io.err().println(u.getMessage().startsWith("oasm") ? u.getMessage() : "oasm: " + u.getMessage());
            return 2;
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        io.err().println("oasm: " + message.lines().findFirst().orElse(message));
        if (services.debug()) {
            t.printStackTrace(io.err());
        }
        return ExitStatuses.of(t);
    }
}
