package org.oasm.cockpit.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@code oasm help} (every command by group) and one command's usage and options. */
final class HelpRenderer {

    private HelpRenderer() {
    }

    static String overview(List<OasmCommand> commands) {
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        int width = commands.stream().mapToInt(c -> c.getName().length()).max().orElse(10);
        for (OasmCommand c : commands.stream().sorted((a, b) -> a.getGroup().compareTo(b.getGroup()) != 0
                ? a.getGroup().compareTo(b.getGroup()) : a.getName().compareTo(b.getName())).toList()) {
            groups.computeIfAbsent(c.getGroup(), g -> new StringBuilder())
                    .append(String.format("  oasm %-" + width + "s  %s%n", c.getName(), c.getDescription()));
        }
        StringBuilder sb = new StringBuilder("OASM commands (oasm help COMMAND shows its options)\n");
        groups.forEach((g, body) -> sb.append('\n').append(g).append(":\n").append(body));
        return sb.toString();
    }

    static String commandHelp(OasmCommand c) {
        StringBuilder sb = new StringBuilder();
        sb.append("oasm ").append(c.getName()).append(" - ").append(c.getDescription()).append("\n\n");
        sb.append("Usage: oasm ").append(c.getName());
        if (!c.argumentSynopsis().isEmpty()) {
            sb.append(' ').append(c.argumentSynopsis());
        }
        if (!c.optionSpecs().isEmpty()) {
            sb.append(" [OPTIONS]");
        }
        sb.append('\n');
        if (!c.optionSpecs().isEmpty()) {
            sb.append("\nOptions:\n");
            int w = c.optionSpecs().stream().mapToInt(o -> o.synopsis().length()).max().orElse(10);
            for (OptionSpec o : c.optionSpecs()) {
                sb.append(String.format("  %-" + w + "s  %s%s%n", o.synopsis(), o.description(),
                        o.repeatable() ? " (repeatable)" : ""));
            }
        }
        return sb.toString();
    }
}
