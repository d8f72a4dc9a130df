package org.oasm.substrate.builtin;

import java.util.List;
import org.oasm.substrate.exec.CommandIO;

/** {@code echo [-neE] [ARG...]}: bash's echo, with -e escapes and \c to stop output. */
final class Echo implements Builtin {

    @Override
    public int run(String name, List<String> args, CommandIO io, BuiltinContext ctx) {
        boolean newline = true;
        boolean escapes = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.matches("-[neE]+")) {
                break;
            }
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'n' -> newline = false;
                    case 'e' -> escapes = true;
                    default -> escapes = false;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = i; k < args.size(); k++) {
            if (k > i) {
                sb.append(' ');
            }
            if (escapes) {
                if (unescape(args.get(k), sb)) {
                    io.out().print(sb);
                    return 0;
                }
            } else {
                sb.append(args.get(k));
            }
        }
        if (newline) {
            sb.append('\n');
        }
        io.out().print(sb);
        return 0;
    }

    /** Appends s with escapes processed; true when \c asked to stop all output here. */
    static boolean unescape(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000b');
                case 'e', 'E' -> sb.append('\u001b');
                case '\\' -> sb.append('\\');
                case 'c' -> {
                    return true;
                }
                case '0' -> {
                    int end = i + 1;
                    while (end < s.length() && end < i + 4 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                        end++;
                    }
                    sb.append((char) (end > i + 1 ? Integer.parseInt(s.substring(i + 1, end), 8) : 0));
                    i = end - 1;
                }
                case 'u', 'U' -> {
                    int max = e == 'u' ? 4 : 8;
                    int end = i + 1;
                    while (end < s.length() && end <= i + max && Character.digit(s.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        sb.append('\\').append(e);
                    } else {
                        sb.appendCodePoint(Integer.parseInt(s.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                case 'x' -> {
                    int end = i + 1;
                    while (end < s.length() && end < i + 3 && Character.digit(s.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        sb.append("\\x");
                    } else {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                default -> sb.append('\\').append(e);
            }
        }
        return false;
    }
}
