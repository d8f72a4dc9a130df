package org.oasm.substrate.expand;

import java.util.ArrayList;
import java.util.List;
import org.oasm.substrate.lex.Word;
import org.oasm.substrate.lex.WordPart;

/**
 * Turns words into argument strings the way a POSIX shell does, in its order: tilde expansion,
 * parameter expansion, field splitting of unquoted expansions, pathname expansion (globs) of
 * unquoted pattern characters, quote removal.
 */
public final class Expander {

    private static final String IFS = " \t\n";

    private final ExpansionContext ctx;
    private final CommandSubstitution substitution;

    public Expander(ExpansionContext ctx) {
        this(ctx, CommandSubstitution.NONE);
    }

    public Expander(ExpansionContext ctx, CommandSubstitution substitution) {
        this.ctx = ctx;
        this.substitution = substitution;
    }

    /** Expands words into fields (argv). */
    public List<String> expandAll(List<Word> words) {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            out.addAll(expand(w));
        }
        return out;
    }

    /** Expands one word into zero or more fields. */
    public List<String> expand(Word word) {
        List<Field> fields = fields(word, true);
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.hasGlob) {
                List<String> matches = Glob.expand(f.pattern.toString(), ctx.cwd());
                if (!matches.isEmpty()) {
                    out.addAll(matches);
                    continue;
                }
            }
            out.add(f.text.toString());
        }
        return out;
    }

    /**
     * Expands a word that must stay one string: assignment values and redirection targets. No
     * field splitting; globs are not expanded in assignments.
     */
    public String expandSingle(Word word) {
        StringBuilder sb = new StringBuilder();
        for (Field f : fields(word, false)) {
            sb.append(f.text);
        }
        return sb.toString();
    }

    /** Expands a redirection target: one field after globbing, or an ambiguous-redirect error. */
    public String expandTarget(Word word) {
        List<String> fields = expand(word);
        if (fields.size() != 1) {
            throw new ExpansionException(word.literalText() + ": ambiguous redirect");
        }
        return fields.getFirst();
    }

    /** A field being built: its text after quote removal and its glob pattern (quoted chars escaped). */
    private static final class Field {
        final StringBuilder text = new StringBuilder();
        final StringBuilder pattern = new StringBuilder();
        boolean hasGlob;
        boolean keep;

        void appendQuoted(String s) {
            text.append(s);
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                    pattern.append('\\');
                }
                pattern.append(c);
            }
            keep = true;
        }

        void appendUnquoted(String s) {
            text.append(s);
            pattern.append(s);
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '*' || c == '?' || c == '[') {
                    hasGlob = true;
                }
            }
        }

        boolean isEmpty() {
            return text.isEmpty() && !keep;
        }
    }

    private List<Field> fields(Word word, boolean split) {
        List<Field> fields = new ArrayList<>();
        Field cur = appendParts(word.parts(), fields, new Field(), split, false);
        if (!cur.isEmpty() || (fields.isEmpty() && !split)) {
            fields.add(cur);
        }
        return fields;
    }

    /**
     * Expands parts onto the field being built and returns the (possibly new) current field.
     * {@code splitLiterals} is for the word of an unquoted {@code ${X:-a b}}, whose unquoted
     * blanks separate fields like those of an expanded value.
     */
    private Field appendParts(List<WordPart> parts, List<Field> fields, Field cur, boolean split,
            boolean splitLiterals) {
        for (WordPart part : parts) {
            switch (part) {
                case WordPart.Literal l -> {
                    if (l.quoted()) {
                        cur.appendQuoted(l.text());
                    } else if (splitLiterals) {
                        cur = value(l.text(), false, fields, cur, split);
                    } else {
                        cur.appendUnquoted(l.text());
                    }
                }
                case WordPart.Tilde t -> {
                    String home = ctx.home(t.user());
                    if (home == null) {
                        cur.appendUnquoted("~" + t.user());
                    } else {
                        cur.appendQuoted(home);
                    }
                }
                case WordPart.Param p -> cur = param(p, fields, cur, split);
                case WordPart.Command c -> cur = value(trimNewlines(substitution.output(c.source())), c.quoted(),
                        fields, cur, split);
                case WordPart.Bad b -> throw new ExpansionException(b.text() + ": bad substitution", 1,
                        ExpansionException.Scope.LINE);
            }
        }
        return cur;
    }

    private Field param(WordPart.Param p, List<Field> fields, Field cur, boolean split) {
        if ((p.name().equals("@") || p.name().equals("*")) && p.operator() == null && p.quoted()) {
            List<String> args = ctx.positional();
            if (p.name().equals("*")) {
                cur.appendQuoted(String.join(" ", args));
                return cur;
            }
            for (int k = 0; k < args.size(); k++) {
                if (k > 0) {
                    fields.add(cur);
                    cur = new Field();
                }
                cur.appendQuoted(args.get(k));
            }
            return cur;
        }
        if (usesOperand(p)) {
            if (p.operator().endsWith("=")) {
                ctx.assign(p.name(), expandSingle(p.operand()));
            }
            return appendParts(p.operand().parts(), fields, cur, split, !p.quoted());
        }
        String value = value(p);
        if (value == null) {
            if (p.quoted()) {
                cur.appendQuoted("");
            }
            return cur;
        }
        return value(value, p.quoted(), fields, cur, split);
    }

    /** Adds an expanded value to the fields: as it is when quoted, else split at blanks. */
    private static Field value(String value, boolean quoted, List<Field> fields, Field cur, boolean split) {
        if (quoted) {
            cur.appendQuoted(value);
            return cur;
        }
        if (!split) {
            cur.appendUnquoted(value);
            return cur;
        }
        int k = 0;
        int n = value.length();
        while (k < n) {
            int start = k;
            while (k < n && IFS.indexOf(value.charAt(k)) < 0) {
                k++;
            }
            if (k > start) {
                cur.appendUnquoted(value.substring(start, k));
            }
            if (k < n) {
                while (k < n && IFS.indexOf(value.charAt(k)) >= 0) {
                    k++;
                }
                if (!cur.isEmpty()) {
                    fields.add(cur);
                }
                cur = new Field();
            }
        }
        return cur;
    }

    private static String trimNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }

    /** A word as a glob pattern: its quoted characters escaped, its expansions done. */
    private String pattern(Word word) {
        StringBuilder sb = new StringBuilder();
        for (Field f : fields(word, false)) {
            sb.append(f.pattern);
        }
        return sb.toString();
    }

    /** Whether {@code ${X-word}}, {@code ${X=word}} or {@code ${X+word}} (with or without colon) yields its word. */
    private boolean usesOperand(WordPart.Param p) {
        String op = p.operator();
        if (op == null || p.operand() == null) {
            return false;
        }
        char kind = op.charAt(op.length() - 1);
        if (kind != '-' && kind != '=' && kind != '+') {
            return false;
        }
        String v = raw(p.name());
        boolean unsetOrEmpty = v == null || (op.startsWith(":") && v.isEmpty());
        return kind == '+' ? !unsetOrEmpty : unsetOrEmpty;
    }

    private String value(WordPart.Param p) {
        String v = raw(p.name());
        String op = p.operator();
        if (op == null) {
            return v;
        }
        if (op.equals("#") && p.operand() == null) {
            return Integer.toString(v == null ? 0 : v.codePointCount(0, v.length()));
        }
        switch (op) {
            case "#", "##", "%", "%%" -> {
                return v == null ? null : Patterns.remove(v, op, pattern(p.operand()));
            }
            case "/", "//" -> {
                return v == null ? null : Patterns.replace(v, op.equals("//"), pattern(p.operand()),
                        expandSingle(p.replacement()));
            }
            case "^", "^^", ",", ",," -> {
                return v == null ? null : Patterns.changeCase(v, op, pattern(p.operand()));
            }
            case ":" -> {
                return v == null ? null : Patterns.substring(v, p.operand().literalText(), p.name());
            }
            default -> { }
        }
        if (op.equals("!")) {
            if (v == null || v.isEmpty() || !v.matches("[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?#$0]")) {
                throw new ExpansionException(p.name() + ": invalid indirect expansion", 1,
                        ExpansionException.Scope.LINE);
            }
            return raw(v);
        }
        boolean unsetOrEmpty = v == null || (op.startsWith(":") && v.isEmpty());
        return switch (op.charAt(op.length() - 1)) {
            case '-' -> unsetOrEmpty ? expandSingle(p.operand()) : v;
            case '=' -> {
                if (unsetOrEmpty) {
                    String d = expandSingle(p.operand());
                    ctx.assign(p.name(), d);
                    yield d;
                }
                yield v;
            }
            case '+' -> unsetOrEmpty ? "" : expandSingle(p.operand());
            case '?' -> {
                if (unsetOrEmpty) {
                    String m = expandSingle(p.operand());
                    throw new ExpansionException(p.name() + ": " + (!m.isEmpty() ? m
                            : op.startsWith(":") ? "parameter null or not set" : "parameter not set"), 127,
                            ExpansionException.Scope.SHELL);
                }
                yield v;
            }
            default -> v;
        };
    }

    private String raw(String name) {
        return switch (name) {
            case "?" -> Integer.toString(ctx.lastStatus());
            case "#" -> Integer.toString(ctx.positional().size());
            case "$" -> Long.toString(ctx.shellPid());
            case "0" -> ctx.scriptName();
            case "@", "*" -> ctx.positional().isEmpty() ? null : String.join(" ", ctx.positional());
            case "-", "!" -> "";
            case "RANDOM" -> {
                String v = ctx.variable("RANDOM");
                yield v != null ? v : Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(32768));
            }
            default -> {
                if (Character.isDigit(name.charAt(0))) {
                    int idx = Integer.parseInt(name);
                    yield idx <= ctx.positional().size() ? ctx.positional().get(idx - 1) : null;
                }
                yield ctx.variable(name);
            }
        };
    }
}
