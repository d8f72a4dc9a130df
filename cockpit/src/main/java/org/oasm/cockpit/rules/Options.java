package org.oasm.cockpit.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts option values into a rule's patterns and messages: {@code ${name}} becomes the value of
 * option {@code name}; any other {@code ${...}} (a named group in a message) is left as it is.
 */
public final class Options {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

    private Options() {
    }

    public static String substitute(String text, Map<String, String> values) {
        if (text == null || values.isEmpty() || text.indexOf("${") < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
