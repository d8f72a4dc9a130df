package org.oasm.cockpit.command;

import org.springframework.shell.core.command.CommandOption;

/**
 * Declares one option of an {@code oasm} command and turns it into Spring Shell's
 * {@link CommandOption}. {@code flag} options take no value; {@code repeatable} ones may be given
 * several times ({@code --param K=V}).
 */
public record OptionSpec(String longName, char shortName, String valueName, String description, boolean flag,
        boolean repeatable) {

    public static OptionSpec value(String longName, String valueName, String description) {
        return new OptionSpec(longName, ' ', valueName, description, false, false);
    }

    public static OptionSpec value(String longName, char shortName, String valueName, String description) {
        return new OptionSpec(longName, shortName, valueName, description, false, false);
    }

    public static OptionSpec flag(String longName, String description) {
        return new OptionSpec(longName, ' ', null, description, true, false);
    }

    public static OptionSpec repeatable(String longName, String valueName, String description) {
        return new OptionSpec(longName, ' ', valueName, description, false, true);
    }

    CommandOption toSpring() {
        CommandOption.Builder b = CommandOption.with().longName(longName).description(description)
                .type(flag ? Boolean.class : String.class).required(false);
        if (shortName != ' ') {
            b.shortName(shortName);
        }
        return b.build();
    }

    /** How the option appears in help: {@code -o, --output OUT}. */
    String synopsis() {
        String s = (shortName != ' ' ? "-" + shortName + ", " : "    ") + "--" + longName;
        return flag ? s : s + " " + valueName;
    }
}
