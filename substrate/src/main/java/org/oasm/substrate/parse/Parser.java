package org.oasm.substrate.parse;

import java.util.ArrayList;
import java.util.List;
import org.oasm.substrate.lex.Lexer;
import org.oasm.substrate.lex.Operator;
import org.oasm.substrate.lex.SyntaxException;
import org.oasm.substrate.lex.Token;
import org.oasm.substrate.lex.Word;
import org.oasm.substrate.lex.WordPart;

/**
 * Builds the typed tree of a command line from the lexer's tokens. Grammar (a POSIX subset):
 * <pre>
 *   list     := and_or ((';' | NEWLINE) and_or)* [';']
 *   and_or   := pipeline (('&&' | '||') NEWLINE* pipeline)*
 *   pipeline := ['!'] command (('|' | '|&') NEWLINE* command)*
 *   command  := (assignment | word | redirection)+
 * </pre>
 * Errors name the unexpected token the way bash does; a line that ends where more is required
 * throws an {@linkplain SyntaxException#incomplete() incomplete} error.
 */
public final class Parser {

    private final List<Token> tokens;
    private int i;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses a whole source text; an empty or comment-only text gives an empty sequence. */
    public static Node parse(String source) {
        return parse(source, false);
    }

    /**
     * Parses text that more input may follow (a line of a file, of stdin, of the REPL): a final
     * backslash then asks for the next line ({@linkplain SyntaxException#incomplete() incomplete})
     * instead of standing for itself.
     */
    public static Node parsePartial(String source) {
        return parse(source, true);
    }

    private static Node parse(String source, boolean more) {
        Parser p = new Parser(Lexer.tokenize(source, more));
        Node n = p.list();
        if (p.peek().kind() != Token.Kind.EOF) {
            throw p.unexpected(p.peek());
        }
        return n;
    }

    private Token peek() {
        return tokens.get(i);
    }

    private Token take() {
        return tokens.get(i++);
    }

    private void skipNewlines() {
        while (peek().kind() == Token.Kind.NEWLINE) {
            i++;
        }
    }

    private Node list() {
        List<Node> items = new ArrayList<>();
        skipNewlines();
        int start = peek().start();
        while (startsCommand(peek()) || peek().is(Operator.LPAREN)) {
            items.add(andOr());
            Token t = peek();
            if (t.is(Operator.SEMI) || t.kind() == Token.Kind.NEWLINE) {
                take();
                skipNewlines();
            } else if (t.is(Operator.AMP)) {
                throw new SyntaxException("background jobs (`&') are not supported", t.start(), false);
            } else {
                break;
            }
        }
        int end = items.isEmpty() ? start : items.getLast().end();
        return items.size() == 1 ? items.getFirst() : new Node.Sequence(items, start, end);
    }

    private static boolean startsCommand(Token t) {
        return t.kind() == Token.Kind.WORD || (t.kind() == Token.Kind.OPERATOR && t.operator().isRedirection());
    }

    private Node andOr() {
        Node left = pipeline();
        while (peek().is(Operator.AND_IF) || peek().is(Operator.OR_IF)) {
            boolean and = take().is(Operator.AND_IF);
            skipNewlines();
            Node right = pipeline();
            left = and ? new Node.AndIf(left, right) : new Node.OrIf(left, right);
        }
        return left;
    }

    private boolean at(String reservedWord) {
        return at(0, reservedWord);
    }

    /** Whether the token {@code ahead} places on is the plain word {@code reservedWord}. */
    private boolean at(int ahead, String reservedWord) {
        Token t = tokens.get(Math.min(i + ahead, tokens.size() - 1));
        return t.kind() == Token.Kind.WORD && t.word().isPlain() && t.word().literalText().equals(reservedWord);
    }

    /** {@code [!] [time [-p]] [!] PIPELINE}, as bash reads it. */
    private Node pipeline() {
        int start = peek().start();
        boolean negatedTime = false;
        if (at("!") && at(1, "time")) {
            take();
            negatedTime = true;
        }
        if (at("time")) {
            int end = take().end();
            boolean posix = false;
            if (at("-p")) {
                end = take().end();
                posix = true;
            }
            if (!startsCommand(peek()) && !peek().is(Operator.LPAREN)) {
                return new Node.Timed(null, posix, negatedTime, start, end);   // bare `time`: times nothing
            }
            Node.Pipeline timed = plainPipeline();
            return new Node.Timed(timed, posix, negatedTime, start, timed.end());
        }
        return plainPipeline();
    }

    private Node.Pipeline plainPipeline() {
        boolean negated = false;
        int start = peek().start();
        if (at("!")) {
            take();
            negated = true;
        }
        List<Node.Simple> stages = new ArrayList<>();
        stages.add(command());
        while (peek().is(Operator.PIPE) || peek().is(Operator.PIPE_BOTH)) {
            boolean both = take().is(Operator.PIPE_BOTH);
            if (both) {
                Node.Simple last = stages.removeLast();
                List<Redirect> r = new ArrayList<>(last.redirects());
                r.add(new Redirect(Redirect.Kind.DUPLICATE, 2, fdWord("1"), last.end(), last.end()));
                stages.add(new Node.Simple(last.assignments(), last.words(), r, last.start(), last.end()));
            }
            skipNewlines();
            stages.add(command());
        }
        return new Node.Pipeline(stages, negated, start, stages.getLast().end());
    }

    private static Word fdWord(String fd) {
        return new Word(List.of(new WordPart.Literal(fd, false)), 0, 0);
    }

    /** Words that open or continue bash's compound commands, which this subset does not have. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("if", "then", "else", "elif", "fi", "for",
            "while", "until", "do", "done", "case", "esac", "select", "function", "{", "}", "[[", "]]");

    private Node.Simple command() {
        Token first = peek();
        if (first.is(Operator.LPAREN)) {
            throw new SyntaxException("subshells (`( ... )') are not supported", first.start(), false);
        }
        if (!startsCommand(first)) {
            throw unexpected(first);
        }
        if (first.kind() == Token.Kind.WORD && first.word().isPlain() && RESERVED.contains(first.word().literalText())) {
            throw new SyntaxException("`" + first.word().literalText()
                    + "': compound commands (if, for, while, until, case, { ... }) are not supported", first.start(), false);
        }
        List<Word> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        int end = first.start();
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.WORD) {
                take();
                if (words.isEmpty() && isAssignment(t.word())) {
                    assignments.add(t.word());
                } else {
                    words.add(t.word());
                }
                end = t.end();
            } else if (t.kind() == Token.Kind.OPERATOR && t.operator().isRedirection()) {
                Redirect r = redirection(take());
                redirects.add(r);
                end = r.end();
            } else if (t.is(Operator.LPAREN) && words.size() == 1 && assignments.isEmpty() && redirects.isEmpty()
                    && tokens.get(i + 1).is(Operator.RPAREN)) {
                throw new SyntaxException("`" + words.getFirst().literalText() + "()': functions are not supported",
                        t.start(), false);
            } else if (t.is(Operator.LPAREN) || t.is(Operator.RPAREN)) {
                throw new SyntaxException("syntax error near unexpected token `" + t.display() + "'", t.start(), false);
            } else {
                break;
            }
        }
        return new Node.Simple(assignments, words, redirects, first.start(), end);
    }

    /** {@code NAME=...} where NAME is unquoted and a valid variable name. */
    static boolean isAssignment(Word w) {
        if (w.parts().isEmpty() || !(w.parts().getFirst() instanceof WordPart.Literal l) || l.quoted()) {
            return false;
        }
        int eq = l.text().indexOf('=');
        return eq > 0 && l.text().substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    private Redirect redirection(Token op) {
        Token target = peek();
        if (target.kind() != Token.Kind.WORD) {
            if (target.kind() == Token.Kind.EOF) {
                throw new SyntaxException("syntax error near unexpected token `newline'", target.start(), false);
            }
            throw unexpected(target);
        }
        take();
        Word w = target.word();
        int fd = op.fd();
        Redirect.Kind kind = switch (op.operator()) {
            case IN -> Redirect.Kind.READ;
            case OUT, CLOBBER -> Redirect.Kind.WRITE;
            case APPEND -> Redirect.Kind.APPEND;
            case BOTH -> Redirect.Kind.WRITE_BOTH;
            case APPEND_BOTH -> Redirect.Kind.APPEND_BOTH;
            case DUP_OUT, DUP_IN -> isFdOrClose(w) ? Redirect.Kind.DUPLICATE
                    : (op.operator() == Operator.DUP_OUT && fd < 0 ? Redirect.Kind.WRITE_BOTH : null);
            case HEREDOC -> throw new SyntaxException("here-documents (`<<') are not supported", op.start(), false);
            default -> throw unexpected(op);
        };
        if (kind == null) {
            throw new SyntaxException(w.literalText() + ": ambiguous redirect", w.start(), false);
        }
        if (fd < 0) {
            fd = switch (op.operator()) {
                case IN, DUP_IN -> 0;
                default -> 1;
            };
        }
        return new Redirect(kind, fd, w, op.start(), target.end());
    }

    private static boolean isFdOrClose(Word w) {
        return w.isPlain() && w.literalText().matches("[0-9]|-");
    }

    private SyntaxException unexpected(Token t) {
        if (t.kind() == Token.Kind.EOF) {
            return new SyntaxException("syntax error: unexpected end of file", t.start(), true);
        }
        return new SyntaxException("syntax error near unexpected token `" + t.display() + "'", t.start(), false);
    }
}
