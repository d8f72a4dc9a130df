package org.oasm.substrate.lex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LexerTest {

    /** Each token as KIND[start,end]:text, for compact comparisons. */
    private static String describe(String src) {
        return Lexer.tokenize(src).stream().map(t -> switch (t.kind()) {
            case WORD -> "W[" + t.start() + "," + t.end() + "]" + t.word().literalText();
            case OPERATOR -> "O[" + t.start() + "," + t.end() + "]" + t.display();
            case NEWLINE -> "NL[" + t.start() + "]";
            case EOF -> "EOF[" + t.start() + "]";
        }).collect(Collectors.joining(" "));
    }

    private static List<WordPart> parts(String word) {
        List<Token> tokens = Lexer.tokenize(word);
        assertEquals(Token.Kind.WORD, tokens.getFirst().kind(), word);
        return tokens.getFirst().word().parts();
    }

    @Test
    void wordsAndOperatorsCarryTheirOffsets() {
        assertEquals("W[0,4]echo W[5,10]a b O[11,12]| W[13,15]wc W[16,18]-l O[19,20]> W[21,24]out EOF[24]",
                describe("echo \"a b\" | wc -l > out"));
    }

    @Test
    void operatorsAreMatchedLongestFirst() {
        assertEquals("W[0,1]a O[1,3]&& W[3,4]b O[4,6]|| W[6,7]c O[7,8]; W[8,9]d O[9,11]>> W[11,12]e EOF[12]",
                describe("a&&b||c;d>>e"));
        assertEquals("W[0,1]a O[2,4]&> W[4,5]f O[6,9]&>> W[9,10]g O[11,13];; EOF[13]", describe("a &>f &>>g ;;"));
    }

    @Test
    void aDigitRightBeforeARedirectionIsItsDescriptor() {
        List<Token> t = Lexer.tokenize("cmd 2>&1 2> err 1>out");
        assertEquals(Operator.DUP_OUT, t.get(1).operator());
        assertEquals(2, t.get(1).fd());
        assertEquals(4, t.get(1).start());
        assertEquals(7, t.get(1).end());
        assertEquals(2, t.get(3).fd());
        assertEquals(1, t.get(5).fd());
        // a digit that is not alone is an ordinary word
        assertEquals("W[0,4]echo W[5,7]a2 O[7,8]> W[8,9]x EOF[9]", describe("echo a2>x"));
    }

    @Test
    void quotingIsKeptPerPart() {
        assertEquals(List.of(new WordPart.Literal("a", false), new WordPart.Literal("b", true),
                new WordPart.Literal("c", true), new WordPart.Param("X", true), new WordPart.Literal("d", false)),
                parts("a'b'\"c$X\"d"));
        assertEquals(List.of(new WordPart.Literal("a", false), new WordPart.Literal(" ", true),
                new WordPart.Literal("b", false)), parts("a\\ b"));
        assertEquals(List.of(new WordPart.Literal("x\ty", true)), parts("$'x\\ty'"));
        assertEquals(List.of(new WordPart.Literal("AA\u00e9", true)), parts("$'\\x41\\101\\u00e9'"));
    }

    @Test
    void parameterExpansions() {
        assertEquals(List.of(new WordPart.Param("HOME", false), new WordPart.Literal("/x", false)), parts("$HOME/x"));
        assertEquals(List.of(new WordPart.Param("?", false)), parts("$?"));
        assertEquals(List.of(new WordPart.Param("1", false), new WordPart.Literal("0", false)), parts("$10"));
        assertEquals(List.of(new WordPart.Param("10", false)), parts("${10}"));
        assertEquals(List.of(new WordPart.Param("X", false, "#", null)), parts("${#X}"));
        assertEquals(List.of(new WordPart.Param("X", false, "!", null)), parts("${!X}"));
        WordPart.Param p = (WordPart.Param) parts("${X:-a b}").getFirst();
        assertEquals(":-", p.operator());
        assertEquals("a b", p.operand().literalText());
        assertEquals("?", ((WordPart.Param) parts("${X?}").getFirst()).operator());
        assertEquals(List.of(new WordPart.Literal("cost$", false)), parts("cost$"));
    }

    @Test
    void aBadSubstitutionIsAPartNotASyntaxError() {
        assertEquals(List.of(new WordPart.Bad("${a b}")), parts("${a b}"));
        assertEquals(List.of(new WordPart.Bad("${%}")), parts("${%}"));
    }

    @Test
    void commandSubstitutionKeepsItsSource() {
        assertEquals(List.of(new WordPart.Command("echo (a) ')' \"b)\"", false)), parts("$(echo (a) ')' \"b)\")"));
        assertEquals(List.of(new WordPart.Literal("x", true), new WordPart.Command("pwd", true)), parts("\"x$(pwd)\""));
        assertEquals(List.of(new WordPart.Command("echo `x`", false)), parts("`echo \\`x\\``"));
        SyntaxException e = assertThrows(SyntaxException.class, () -> Lexer.tokenize("echo $(ls"));
        assertTrue(e.incomplete());
        assertEquals("unexpected EOF while looking for matching `)'", e.getMessage());
        assertEquals(5, e.position());
        assertFalse(assertThrows(SyntaxException.class, () -> Lexer.tokenize("echo $((1+2))")).incomplete());
    }

    @Test
    void tildeStartsAWordOrFollowsAnAssignment() {
        assertEquals(List.of(new WordPart.Tilde(""), new WordPart.Literal("/x", false)), parts("~/x"));
        assertEquals(List.of(new WordPart.Tilde("bob")), parts("~bob"));
        assertEquals(List.of(new WordPart.Literal("a~b", false)), parts("a~b"));
        assertEquals(List.of(new WordPart.Literal("P=", false), new WordPart.Tilde(""),
                new WordPart.Literal("/b:", false), new WordPart.Tilde(""), new WordPart.Literal("/c", false)),
                parts("P=~/b:~/c"));
        assertEquals(List.of(new WordPart.Literal("x:~", false)), parts("x:~"));
    }

    @Test
    void commentsAndContinuationsVanish() {
        assertEquals("W[0,4]echo W[5,6]a EOF[16]", describe("echo a # comment"));
        assertEquals("W[0,4]echo W[5,8]a#b EOF[8]", describe("echo a#b"));
        assertEquals("W[0,4]echo W[5,9]ab EOF[9]", describe("echo a\\\nb"));
        assertEquals("W[0,4]echo W[7,8]b EOF[8]", describe("echo \\\nb"));
        assertEquals("W[0,4]echo NL[4] W[5,6]b EOF[6]", describe("echo\nb"));
    }

    @Test
    void unfinishedInputIsIncomplete() {
        for (String s : List.of("echo 'a", "echo \"a", "echo ${X", "echo `a", "echo $'a")) {
            SyntaxException e = assertThrows(SyntaxException.class, () -> Lexer.tokenize(s), s);
            assertTrue(e.incomplete(), s);
            assertTrue(e.getMessage().startsWith("unexpected EOF while looking for matching"), s);
        }
        assertEquals(5, assertThrows(SyntaxException.class, () -> Lexer.tokenize("echo \"a")).position());
    }

    @Test
    void aFinalBackslashContinuesOnlyWhenMoreInputMayFollow() {
        assertTrue(assertThrows(SyntaxException.class, () -> Lexer.tokenize("echo a\\", true)).incomplete());
        assertTrue(assertThrows(SyntaxException.class, () -> Lexer.tokenize("echo a\\\n", true)).incomplete());
        assertTrue(assertThrows(SyntaxException.class, () -> Lexer.tokenize("echo a \\\n", true)).incomplete());
        assertEquals("a\\", Lexer.tokenize("echo a\\").get(1).word().literalText());
        assertEquals("W[0,4]echo W[5,8]a EOF[8]", describe("echo a\\\n"));
    }
}
