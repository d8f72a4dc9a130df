package org.oasm.cockpit.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oasm.cockpit.scan.TextFile;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;

/** The edit operations of command blocks, each on a small text. */
class EditEngineTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.open(new OasmRoot(Path.of("").toAbsolutePath().getParent()));

    /** Runs the edit of a one-step block (YAML of the edit mapping) over {@code text}. */
    private static String edit(String editYaml, String text, String... params) {
        String yaml = """
                id: t
                description: test block
                kind: repair
                parameters:
                  who: {type: string, default: "a.b", description: a name}
                targets: ["**/*"]
                steps:
                  - edit:
                """ + editYaml.indent(6);
        BlockLoader.Loaded l = new BlockLoader(SCHEMAS).load("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), l.problems());
        CommandBlock b = l.block();
        CommandBlock.Edit e = (CommandBlock.Edit) b.steps().getFirst().action();
        return EditEngine.transform(e, new TextFile("f", text), Params.of(b, List.of(params)), new int[1]);
    }

    @Test
    void regexReplaceUsesGroupsAndTakesParametersLiterally() {
        assertEquals("x.expect(\"a.b $1 x\");\n", edit("""
                files: "**/*"
                find: '(\\w+)\\.unwrap\\(\\)'
                replace: '$1.expect("${who} $1")'
                regex: true
                """, "x.unwrap();\n", "who=a.b $1"));
        assertEquals("b-b-a\n", edit("""
                files: "**/*"
                find: 'a'
                replace: 'b-'
                max_count: 2
                """, "aaa\n").replace("b-b-a", "b-b-a"));
        assertEquals("x.y and xzy\n", edit("""
                files: "**/*"
                find: '${who}'
                replace: Y
                regex: true
                """, "x.y and xzy\n", "who=x.z").replace("Y", "Y"));
    }

    @Test
    void literalFindMatchesDotsAndDollarsAsThemselves() {
        assertEquals("cost: 5 EUR, 5$\n", edit("""
                files: "**/*"
                find: '$5'
                replace: 5 EUR
                """, "cost: $5, 5$\n"));
    }

    @Test
    void insertBeforeTakesTheIndentationAndSkipsWhatIsAlreadyThere() {
        String text = "fn f() {\n    let x = unsafe { g() };\n    // SAFETY: ok\n    unsafe { h() }\n}\n";
        String once = edit("""
                files: "**/*"
                insert_before: '^(?<indent>[ \\t]*)[^\\n]*\\bunsafe\\s*\\{'
                text: "${indent}// SAFETY: ${who}"
                unless: {regex: '//\\s*SAFETY:', before: 1}
                """, text);
        assertEquals("fn f() {\n    // SAFETY: a.b\n    let x = unsafe { g() };\n    // SAFETY: ok\n    unsafe { h() }\n}\n", once);
    }

    @Test
    void insertAfterGoesAfterTheLineWhereTheMatchEndsAndKeepsCrlf() {
        assertEquals("a\r\nb\r\nNEW\r\nc\r\n", edit("""
                files: "**/*"
                insert_after: '^a\\r?\\nb'
                text: NEW
                """, "a\r\nb\r\nc\r\n"));
        assertEquals("last\nNEW", edit("""
                files: "**/*"
                insert_after: '^last'
                text: NEW
                """, "last").replace("last\nNEW", "last\nNEW"));
    }

    @Test
    void deleteLinesRemovesEveryMatchingLineUnlessProtected() {
        assertEquals("keep\nconsole.log(1); // keep\n", edit("""
                files: "**/*"
                delete_lines: '^\\s*console\\.log\\('
                unless: {regex: '// keep'}
                """, "keep\nconsole.log(0);\nconsole.log(1); // keep\n  console.log(2);\n"));
    }

    @Test
    void sortLinesSortsEachRunAndDropsRepeatsWithinIt() {
        String text = "use b;\nuse a;\nuse b;\n\nfn x() {}\nuse z;\nuse y;";
        assertEquals("use a;\nuse b;\n\nfn x() {}\nuse y;\nuse z;", edit("""
                files: "**/*"
                sort_lines: '^use\\s'
                unique: true
                """, text));
    }

    @Test
    void blocksOfMoreThanAHundredLinesAreRefusedWithTheCount() {
        StringBuilder yaml = new StringBuilder("id: big\ndescription: too big\nkind: repair\ntargets: ['**/*']\nsteps:\n");
        for (int i = 0; i < 50; i++) {
            yaml.append("  - name: s").append(i).append("\n    run: {command: 'true'}\n");
        }
        BlockLoader.Loaded l = new BlockLoader(SCHEMAS).load("big.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(105, l.lines());
        assertEquals("big.yaml:101: 105 lines, over the limit of 100 for a template: larger logic belongs in a module",
                l.problems().getFirst().toString());
        assertTrue(!l.ok());
    }

    @Test
    void schemaProblemsAndBadPatternsNameTheLine() {
        String yaml = "id: bad\ndescription: x\nkind: repair\ntargets: ['**/*']\nsteps:\n"
                + "  - edit: {files: '**/*', delete_lines: '(unclosed'}\n"
                + "  - run: {command: 'true'}\n    scan: {}\n";
        BlockLoader.Loaded l = new BlockLoader(SCHEMAS).load("bad.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertTrue(l.problems().stream().allMatch(p -> p.toString().startsWith("bad.yaml:7: /steps/1: ")), l.problems().toString());
        String regex = "id: bad\ndescription: x\nkind: repair\ntargets: ['**/*']\nsteps:\n"
                + "  - edit: {files: '**/*', delete_lines: '(unclosed'}\n";
        BlockLoader.Loaded r = new BlockLoader(SCHEMAS).load("re.yaml", regex.getBytes(StandardCharsets.UTF_8));
        assertEquals("re.yaml:6: invalid regular expression: Unclosed group near index 9", r.problems().getFirst().toString());
    }
}
