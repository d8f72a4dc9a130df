package org.oasm.substrate.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oasm.substrate.lex.SyntaxException;
import org.oasm.substrate.lex.Word;

class ParserTest {

    private static List<String> texts(List<Word> words) {
        return words.stream().map(Word::literalText).toList();
    }

    private static Node.Simple single(String src) {
        Node.Pipeline p = assertInstanceOf(Node.Pipeline.class, Parser.parse(src));
        assertEquals(1, p.stages().size());
        return p.stages().getFirst();
    }

    @Test
    void listsAndOrAndPipelinesNestAsInBash() {
        String src = "a | b && c || d; e";
        Node.Sequence seq = assertInstanceOf(Node.Sequence.class, Parser.parse(src));
        assertEquals(2, seq.items().size());
        Node.OrIf or = assertInstanceOf(Node.OrIf.class, seq.items().getFirst());
        Node.AndIf and = assertInstanceOf(Node.AndIf.class, or.left());
        Node.Pipeline ab = assertInstanceOf(Node.Pipeline.class, and.left());
        assertEquals(List.of("a", "b"), ab.stages().stream().map(s -> s.words().getFirst().literalText()).toList());
        assertEquals("a | b", ab.text(src));
        assertEquals("a | b && c || d", or.text(src));
        assertEquals("e", seq.items().get(1).text(src));
        assertEquals(0, seq.start());
        assertEquals(src.length(), seq.end());
    }

    @Test
    void newlinesSeparateCommandsAndMayFollowOperators() {
        Node.Sequence seq = assertInstanceOf(Node.Sequence.class, Parser.parse("a\n\nb &&\n c |\n d"));
        assertEquals(2, seq.items().size());
        Node.AndIf and = assertInstanceOf(Node.AndIf.class, seq.items().get(1));
        assertEquals(2, assertInstanceOf(Node.Pipeline.class, and.right()).stages().size());
    }

    @Test
    void assignmentsComeBeforeTheCommandWord() {
        Node.Simple s = single("A=1 B=$X cmd x=y 'C=2'");
        assertEquals(List.of("A=1", "B=$X"), texts(s.assignments()));
        assertEquals(List.of("cmd", "x=y", "C=2"), texts(s.words()));
        assertTrue(single("X=1").words().isEmpty());
        assertEquals(List.of("1X=2"), texts(single("1X=2").words()));
    }

    @Test
    void redirectionsKeepTheirOrderDescriptorAndKind() {
        Node.Simple s = single("cmd <in >out 2>>err 2>&1 &>both 3>x >&2");
        List<Redirect> r = s.redirects();
        assertEquals(List.of(Redirect.Kind.READ, Redirect.Kind.WRITE, Redirect.Kind.APPEND, Redirect.Kind.DUPLICATE,
                Redirect.Kind.WRITE_BOTH, Redirect.Kind.WRITE, Redirect.Kind.DUPLICATE),
                r.stream().map(Redirect::kind).toList());
        assertEquals(List.of(0, 1, 2, 2, 1, 3, 1), r.stream().map(Redirect::fd).toList());
        assertEquals(List.of("in", "out", "err", "1", "both", "x", "2"), r.stream().map(x -> x.target().literalText()).toList());
        assertEquals(4, r.getFirst().start());
        assertEquals(7, r.getFirst().end());
        assertEquals(List.of("cmd"), texts(s.words()));
        Node.Simple first = single("> f echo a");
        assertEquals(List.of("echo", "a"), texts(first.words()));
    }

    @Test
    void aLeadingBangNegatesAndPipeAmpersandSendsBothStreams() {
        Node.Pipeline p = assertInstanceOf(Node.Pipeline.class, Parser.parse("! a |& b"));
        assertTrue(p.negated());
        Redirect dup = p.stages().getFirst().redirects().getFirst();
        assertEquals(Redirect.Kind.DUPLICATE, dup.kind());
        assertEquals(2, dup.fd());
        assertFalse(assertInstanceOf(Node.Pipeline.class, Parser.parse("a")).negated());
    }

    @Test
    void emptyAndCommentOnlyInputIsAnEmptySequence() {
        for (String s : List.of("", "   ", "# only a comment", "\n\n")) {
            assertEquals(0, assertInstanceOf(Node.Sequence.class, Parser.parse(s)).items().size(), s);
        }
    }

    private static SyntaxException error(String src) {
        return assertThrows(SyntaxException.class, () -> Parser.parse(src), src);
    }

    @Test
    void syntaxErrorsNameTheUnexpectedTokenWhereItStands() {
        Map<String, Object[]> cases = Map.of(
                "| a", new Object[] {"syntax error near unexpected token `|'", 0},
                "echo a;;", new Object[] {"syntax error near unexpected token `;;'", 6},
                "echo a; ;", new Object[] {"syntax error near unexpected token `;'", 8},
                "echo a | | b", new Object[] {"syntax error near unexpected token `|'", 9},
                "echo >", new Object[] {"syntax error near unexpected token `newline'", 6},
                "echo > > b", new Object[] {"syntax error near unexpected token `>'", 7},
                "echo a )", new Object[] {"syntax error near unexpected token `)'", 7},
                "&& b", new Object[] {"syntax error near unexpected token `&&'", 0});
        cases.forEach((src, want) -> {
            SyntaxException e = error(src);
            assertEquals(want[0], e.getMessage(), src);
            assertEquals(want[1], e.position(), src);
            assertFalse(e.incomplete(), src);
        });
    }

    @Test
    void unsupportedFormsSayWhatIsNotSupported() {
        assertEquals("background jobs (`&') are not supported", error("sleep 1 &").getMessage());
        assertEquals("here-documents (`<<') are not supported", error("cat <<EOF").getMessage());
        assertEquals("arithmetic expansion $((...)) is not supported", error("echo $((1+2))").getMessage());
        assertEquals("subshells (`( ... )') are not supported", error("(echo a)").getMessage());
        assertEquals("`if': compound commands (if, for, while, until, case, { ... }) are not supported",
                error("if true; then echo a; fi").getMessage());
        assertEquals("`for': compound commands (if, for, while, until, case, { ... }) are not supported",
                error("echo a; for x in 1; do echo $x; done").getMessage());
        assertEquals("`f()': functions are not supported", error("f() { echo a; }").getMessage());
        assertEquals(java.util.List.of("if"), texts(single("'if' x").words().subList(0, 1)));
        assertEquals(java.util.List.of("echo", "if", "then"), texts(single("echo if then").words()));
    }

    @Test
    void incompleteInputAsksForMore() {
        for (String s : List.of("echo a |", "echo a &&", "echo a ||", "echo 'a", "echo \"a", "a |\n")) {
            SyntaxException e = error(s);
            assertTrue(e.incomplete(), s);
        }
        assertEquals("syntax error: unexpected end of file", error("echo a |").getMessage());
        assertTrue(assertThrows(SyntaxException.class, () -> Parser.parsePartial("echo a\\")).incomplete());
        assertEquals(List.of("echo", "a\\"), texts(single("echo a\\").words()));
    }

    @Test
    void aliasesReplaceCommandWordsOnly() {
        Map<String, String> aliases = Map.of("ll", "ls -l", "say", "echo ", "loud", "tr a-z A-Z", "ls", "ls -F");
        assertEquals("ls -F -l x; echo ll", AliasExpansion.expand("ll x; echo ll", aliases));
        assertEquals("echo  ls -F | tr a-z A-Z", AliasExpansion.expand("say ls | loud", aliases));
        assertEquals("X=1 ls -F -l > ll", AliasExpansion.expand("X=1 ll > ll", aliases));
        assertEquals("'ll' \\ll", AliasExpansion.expand("'ll' \\ll", aliases));
    }
}
