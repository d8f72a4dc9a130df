package org.oasm.cockpit.repl;

import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.oasm.substrate.exec.ShellState;

/** Renders the profile's prompt template with the shell's current directory and last status. */
final class PromptRenderer {

    private final String template;
    private final String rootName;

    PromptRenderer(String template, String rootName) {
        this.template = template;
        this.rootName = rootName;
    }

    String render(ShellState state) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                sb.append(template.substring(i));
                break;
            }
            sb.append(template.substring(i, open));
            int close = template.indexOf('}', open);
            if (close < 0) {
                sb.append(template.substring(open));
                break;
            }
            String key = template.substring(open + 1, close);
            switch (key) {
                case "cwd" -> sb.style(AttributedStyle.BOLD.foreground(AttributedStyle.BLUE)).append(cwd(state))
                        .style(AttributedStyle.DEFAULT);
                case "status" -> {
                    if (state.lastStatus() != 0) {
                        sb.style(AttributedStyle.BOLD.foreground(AttributedStyle.RED)).append(" [" + state.lastStatus() + "]")
                                .style(AttributedStyle.DEFAULT);
                    }
                }
                case "user" -> sb.append(System.getProperty("user.name"));
                case "host" -> sb.append(host());
                case "root" -> sb.append(rootName);
                default -> sb.append(template, open, close + 1);
            }
            i = close + 1;
        }
        return sb.toAnsi();
    }

    private static String cwd(ShellState state) {
        String cwd = state.cwd().toString();
        String home = state.variable("HOME");
        if (home != null && !home.equals("/") && (cwd.equals(home) || cwd.startsWith(home + "/"))) {
            return "~" + cwd.substring(home.length());
        }
        return cwd;
    }

    private static String host() {
        String h = System.getenv("HOSTNAME");
        if (h != null) {
            return h;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
