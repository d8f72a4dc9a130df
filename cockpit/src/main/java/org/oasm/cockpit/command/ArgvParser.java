package org.oasm.cockpit.command;

import java.util.List;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Turns the words after a command name into Spring Shell's {@link ParsedInput}, strictly: an
 * option the command does not declare, a missing option value, a repeated single option or the
 * wrong number of arguments is a {@link UsageError}. Words come from the shell already split and
 * unquoted, so nothing is re-parsed from text.
 */
final class ArgvParser {

    private ArgvParser() {
    }

    static ParsedInput parse(OasmCommand command, List<String> words) {
        String[] parts = command.getName().split(" ");
        ParsedInput.Builder b = ParsedInput.builder().commandName(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.addSubCommand(parts[i]);
        }
        int argIndex = 0;
        boolean onlyArgs = false;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!onlyArgs && w.equals("--")) {
                onlyArgs = true;
                continue;
            }
            if (!onlyArgs && w.startsWith("-") && w.length() > 1 && !isNumber(w)) {
                String nameAndValue = w.startsWith("--") ? w.substring(2) : w.substring(1);
                String inlineValue = null;
                int eq = nameAndValue.indexOf('=');
                if (w.startsWith("--") && eq >= 0) {
                    inlineValue = nameAndValue.substring(eq + 1);
                    nameAndValue = nameAndValue.substring(0, eq);
                }
                OptionSpec spec = find(command, nameAndValue, w.startsWith("--"));
                if (spec == null) {
                    throw new UsageError("oasm " + command.getName() + ": unknown option " + w
                            + " (see: oasm help " + command.getName() + ")");
                }
                if (!spec.repeatable() && !seen.add(spec.longName())) {
                    throw new UsageError("oasm " + command.getName() + ": --" + spec.longName() + " given twice");
                }
                String value;
                if (spec.flag()) {
                    if (inlineValue != null) {
                        throw new UsageError("oasm " + command.getName() + ": --" + spec.longName() + " takes no value");
                    }
                    value = "true";
                } else if (inlineValue != null) {
                    value = inlineValue;
                } else if (i + 1 < words.size()) {
                    value = words.get(++i);
                } else {
                    throw new UsageError("oasm " + command.getName() + ": --" + spec.longName() + " needs a value ("
                            + spec.valueName() + ")");
                }
                CommandOption.Builder ob = CommandOption.with().longName(spec.longName()).value(value)
                        .type(spec.flag() ? Boolean.class : String.class);
                if (spec.shortName() != ' ') {
                    ob.shortName(spec.shortName());
                }
                b.addOption(ob.build());
            } else {
                b.addArgument(new CommandArgument(argIndex++, w));
            }
        }
        if (argIndex < command.minArgs()) {
            throw new UsageError("oasm " + command.getName() + ": missing arguments; usage: oasm " + command.getName()
                    + " " + command.argumentSynopsis());
        }
        if (argIndex > command.maxArgs()) {
            throw new UsageError("oasm " + command.getName() + ": too many arguments; usage: oasm " + command.getName()
                    + " " + command.argumentSynopsis());
        }
        return b.build();
    }

    private static boolean isNumber(String w) {
        return w.matches("-[0-9]+(\\.[0-9]+)?");
    }

    private static OptionSpec find(OasmCommand command, String name, boolean longForm) {
        for (OptionSpec s : command.optionSpecs()) {
            if (longForm ? s.longName().equals(name) : (name.length() == 1 && s.shortName() == name.charAt(0))) {
                return s;
            }
        }
        return null;
    }
}
