package org.oasm.cockpit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.CockpitHarness;
import org.oasm.cockpit.Samples;
import org.oasm.formats.root.OasmRoot;

/** The rule hierarchy Session > Project > Domain > Core, with the plan's example as shipped. */
class RuleHierarchyTest {

    @TempDir
    Path dir;
    CockpitHarness cockpit;

    @BeforeEach
    void setUp() {
        cockpit = new CockpitHarness(dir);
    }

    private RuleHierarchy shipped() {
        Rules.Loaded loaded = Rules.load(new OasmRoot(cockpit.root()), null);
        assertEquals(List.of(), loaded.problems());
        return loaded.hierarchy();
    }

    @Test
    void thePlansExampleIsRequiredInTheDomainOptionalInTheProjectAndSkippedInTheSession() {
        RuleHierarchy.Explanation ex = shipped().explain("unsafe_blocks_require_audit", "rust").orElseThrow();
        List<String> says = ex.says().stream().map(s -> s.layer().json() + "=" + s.setting().level().json()).toList();
        assertEquals(List.of("session=off", "project=optional", "domain=required"), says);
        assertTrue(ex.says().getFirst().source().endsWith("active_filters.yaml (filter skip_unsafe_audit)"), ex.says().toString());
        assertEquals(Level.OFF, ex.resolved().level().value());
        assertEquals(Layer.SESSION, ex.resolved().level().layer());
        assertEquals(Layer.DOMAIN, ex.resolved().severity().layer());
        assertEquals(Severity.ERROR, ex.resolved().severity().value());
        RuleHierarchy.Explanation comment = shipped().explain("unsafe_blocks_require_comment", "rust").orElseThrow();
        assertEquals(Level.REQUIRED, comment.resolved().level().value());
        assertEquals(Layer.DOMAIN, comment.resolved().level().layer());
        assertEquals(Level.REQUIRED, shipped().explain("no_raw_pointers_without_unsafe", "rust").orElseThrow().resolved().level().value());
    }

    @Test
    void explainPrintsEveryLayerAndWhichOneWon() throws IOException {
        var r = cockpit.run("oasm rules explain unsafe_blocks_require_audit");
        assertEquals(0, r.status(), r.err());
        Samples.assertGolden(getClass(), "explainPrintsEveryLayerAndWhichOneWon", "txt", r.out());
    }

    @Test
    void resolveForADomainListsItsRulesWithTheLayerOfEachValue() throws IOException {
        var r = cockpit.run("oasm rules resolve --domain rust");
        assertEquals(0, r.status(), r.err());
        Samples.assertGolden(getClass(), "resolveForADomainListsItsRulesWithTheLayerOfEachValue", "txt", r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("unsafe_blocks_require_audit\\s+off\\s+session\\s+error\\s+domain\\s*")), r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("bare_except")), "python rules are not rust rules");
        var json = cockpit.run("oasm rules resolve --format json");
        assertTrue(json.out().startsWith("[{\"id\":"), json.out());
    }

    @Test
    void sessionSettingsMadeWithRulesSetWinOverFiltersAndGoAwayWithDefault() throws IOException {
        assertEquals(0, cockpit.run("oasm rules set unsafe_blocks_require_audit=required").status());
        RuleHierarchy h = shipped();
        ResolvedRule r = h.explain("unsafe_blocks_require_audit", "rust").orElseThrow().resolved();
        assertEquals(Level.REQUIRED, r.level().value());
        assertEquals(Layer.SESSION, r.level().layer());
        assertTrue(r.level().source().endsWith("templates/rules/session/active_filters.yaml"), r.level().source());
        assertEquals(0, cockpit.run("oasm rules set unsafe_blocks_require_audit=default").status());
        assertEquals(Level.OFF, shipped().explain("unsafe_blocks_require_audit", "rust").orElseThrow().resolved().level().value());
        assertEquals(0, cockpit.run("oasm rules set skip_unsafe_audit=false").status());
        ResolvedRule off = shipped().explain("unsafe_blocks_require_audit", "rust").orElseThrow().resolved();
        assertEquals(Level.OPTIONAL, off.level().value(), "without the filter the project's optional wins");
        assertEquals(Severity.WARNING, off.effectiveSeverity(), "an optional rule reports at most warnings");
        assertEquals(0, cockpit.run("oasm rules set line_too_long.max_line_length=100 line_too_long=info").status());
        ResolvedRule len = shipped().explain("line_too_long", null).orElseThrow().resolved();
        assertEquals("100", len.options().get("max_line_length").value());
        assertEquals(Severity.INFO, len.severity().value());
        assertEquals("^.{100}(?<at>.)", len.regex());
        assertTrue(Files.readString(cockpit.root().resolve("templates/rules/session/active_filters.yaml")).startsWith("# The session layer"));
        var bad = cockpit.run("oasm rules set no_such_rule=off");
        assertEquals(2, bad.status());
        assertEquals("oasm: rules set: no_such_rule=off: no rule or filter 'no_such_rule' (see: oasm rules resolve)\n", bad.err());
        assertEquals(2, cockpit.run("oasm rules set line_too_long=loud").status());
    }

    @Test
    void anOptionMustBeTheRulesAndFitItsPatternAndDefaultDropsIt() throws IOException {
        var unknown = cockpit.run("oasm rules set line_too_long.no_such_option=5");
        assertEquals(2, unknown.status());
        assertEquals("oasm: rules set: line_too_long.no_such_option=5: rule line_too_long has no option 'no_such_option'"
                + " (its options: max_line_length)\n", unknown.err());
        var bad = cockpit.run("oasm rules set line_too_long.max_line_length=abc");
        assertEquals(2, bad.status());
        assertTrue(bad.err().startsWith("oasm: rules set: line_too_long.max_line_length=abc: rule line_too_long's pattern does not compile"),
                bad.err());
        assertEquals("120", shipped().explain("line_too_long", null).orElseThrow().resolved().options().get("max_line_length").value(),
                "a refused value is not kept");
        assertEquals(0, cockpit.run("oasm rules set line_too_long.max_line_length=100").status());
        assertEquals("100", shipped().explain("line_too_long", null).orElseThrow().resolved().options().get("max_line_length").value());
        assertEquals(0, cockpit.run("oasm rules set line_too_long.max_line_length=default").status());
        ResolvedRule back = shipped().explain("line_too_long", null).orElseThrow().resolved();
        assertEquals("120", back.options().get("max_line_length").value());
        assertEquals(Layer.CORE, back.options().get("max_line_length").layer());
        assertTrue(!Files.readString(cockpit.root().resolve("templates/rules/session/active_filters.yaml")).contains("line_too_long"));
    }

    @Test
    void aProjectsOwnRulesWinOverTheShippedProjectLayer() throws IOException {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve(".oasm/rules"));
        Files.writeString(project.resolve(".oasm/rules/local.yaml"), """
                description: This checkout's rules.
                rules:
                  - id: no_println
                    description: Library code logs instead of printing.
                    languages: [rust]
                    match: {regex: 'println!'}
                    message: println! in library code
                    severity: warning
                settings:
                  unsafe_blocks_require_audit: required
                  trailing_whitespace: {severity: error}
                """);
        RuleHierarchy h = Rules.load(new OasmRoot(cockpit.root()), Rules.projectRules(project.resolve("src"))).hierarchy();
        RuleHierarchy.Explanation ex = h.explain("unsafe_blocks_require_audit", "rust").orElseThrow();
        assertEquals(List.of("session=off", "project=required", "project=optional", "domain=required"),
                ex.says().stream().map(s -> s.layer().json() + "=" + s.setting().level().json()).toList());
        assertEquals(Level.OFF, ex.resolved().level().value(), "the session still wins over the project");
        assertEquals(Severity.ERROR, h.explain("trailing_whitespace", null).orElseThrow().resolved().severity().value());
        assertEquals(Layer.PROJECT, h.explain("no_println", "rust").orElseThrow().resolved().level().layer());
    }

    @Test
    void aBrokenRuleFileIsReportedWithFileAndLine() throws IOException {
        Path file = cockpit.root().resolve("templates/rules/core/broken.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                description: broken
                rules:
                  - id: bad_regex
                    description: x
                    languages: [rust]
                    match: {regex: 'unclosed('}
                    message: m
                    severity: error
                  - id: bad_severity
                    description: x
                    languages: [rust]
                    match: {regex: 'x'}
                    message: m
                    severity: loud
                """);
        var r = cockpit.run("oasm templates validate rules/core/broken");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("templates/rules/core/broken.yaml:14: /rules/1/severity: "), r.out());
        Files.writeString(file, Files.readString(file).replace("loud", "error"));
        var again = cockpit.run("oasm templates validate rules/core/broken");
        assertEquals("templates/rules/core/broken.yaml:6: invalid regular expression: Unclosed group near index 9\n", again.out());
        var scan = cockpit.run("oasm scan " + dir);
        assertTrue(scan.err().contains("oasm: warning: templates/rules/core/broken.yaml:6: invalid regular expression"), scan.err());
    }
}
