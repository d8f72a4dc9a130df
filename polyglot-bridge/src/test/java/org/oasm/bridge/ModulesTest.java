package org.oasm.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The three shipped modules through the real bridge, on sample inputs, against golden outputs;
 * their regular expressions read back with Java's engine; the same module under CPython gives
 * the same files. One context for the class.
 */
class ModulesTest {

    static PythonBridge bridge;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        bridge = PythonBridge.create();
        bridge.startInBackground("pattern_lab", "no_such_module"); // as ./oasm analyze does; the calls wait for it
    }

    @AfterAll
    static void stop() {
        bridge.close();
    }

    private CallResult run(String module, Path file, Path cwd, Path out) throws IOException {
        ModuleInputs.Request r = ModuleInputs.forMain(module, file, cwd, out);
        return bridge.call(module, "main", r.kwargs(), r.grants());
    }

    private static String summary(CallResult r) {
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) ((Map<String, Object>) r.value()).get("summary");
        return String.join("\n", lines) + "\n";
    }

    @Test
    void patternLabClustersAScanAndSuggestsRules() throws IOException {
        Path dir = Samples.copy("pattern_lab", tmp);
        Path out = tmp.resolve("out");
        CallResult r = run("pattern_lab", dir.resolve("scan.json"), dir, out);
        Golden.check(getClass(), "patternLabClustersAScanAndSuggestsRules", "txt", summary(r) + Samples.dump(out));
        // every suggested regex reads the same in Java: it finds the lines Python counted
        JsonNode report = JsonMapper.builder().build().readTree(out.resolve("clusters.json").toFile());
        assertEquals(2, report.path("rules").size());
        for (JsonNode rule : report.path("rules")) {
            Pattern p = Pattern.compile(rule.path("regex").asString());
            int hits = 0;
            for (String f : List.of("app.py", "util.py")) {
                for (String line : Files.readAllLines(dir.resolve("src").resolve(f))) {
                    hits += p.matcher(line).find() ? 1 : 0;
                }
            }
            assertEquals(rule.path("matches").asInt() + rule.path("other_matches").asInt(), hits, rule.path("regex").asString());
            assertEquals(rule.path("matches").asInt(), 2 * (rule.path("id").asString().contains("eval") ? 2 : 1));
        }
    }

    @Test
    void patternLabReadsTextDiagnosticsAndExecutionRecords() throws IOException {
        Path dir = Samples.copy("pattern_lab", tmp);
        CallResult text = run("pattern_lab", dir.resolve("lint.txt"), dir, null);
        CallResult records = run("pattern_lab", dir.resolve("failures.log"), dir, null);
        assertTrue(text.outputs().isEmpty());
        Golden.check(getClass(), "patternLabReadsTextDiagnosticsAndExecutionRecords", "txt",
                summary(text) + stdout(text) + "=====\n" + summary(records) + stdout(records));
    }

    @Test
    void semiFixersBlockReproducesTheEditsOnTheOriginalFiles() throws IOException {
        Path dir = Samples.copy("semi_fixers", tmp);
        Path after = Samples.copy("semi_fixers_after", tmp);
        Path out = tmp.resolve("out");
        CallResult r = run("semi_fixers", dir, dir, out);
        Golden.check(getClass(), "semiFixersBlockReproducesTheEditsOnTheOriginalFiles", "txt", summary(r) + Samples.dump(out));
        Path blockFile;
        try (Stream<Path> s = Files.list(out)) {
            blockFile = s.filter(p -> p.toString().endsWith(".yaml")).findFirst().orElseThrow();
        }
        JsonNode block = YAMLMapper.builder().build().readTree(blockFile.toFile());
        // the block, applied with Java's regex engine to the files before the change, gives the files after it
        for (String[] f : new String[][] {{"c1", "one.py"}, {"c2", "two.py"}}) {
            String text = Files.readString(dir.resolve(f[0]).resolve("before").resolve(f[1]));
            for (JsonNode step : block.path("steps")) {
                JsonNode edit = step.path("edit");
                assertTrue(edit.path("regex").asBoolean());
                String find = substitute(edit.path("find").asString(), block.path("parameters"), true);
                String replace = substitute(edit.path("replace").asString(), block.path("parameters"), false);
                text = Pattern.compile(find).matcher(text).replaceAll(replace);
            }
            assertEquals(Files.readString(after.resolve(f[1])), text, f[1]);
        }
    }

    /** ${name} replaced by the parameter's default, quoted for a pattern or for a replacement. */
    private static String substitute(String s, JsonNode params, boolean pattern) {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = params.path(m.group(1)).path("default").asString();
            m.appendReplacement(out, Matcher.quoteReplacement(pattern ? Pattern.quote(v) : Matcher.quoteReplacement(v)));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void analysisVizDrawsPythonAndOasmGraphs() throws IOException {
        Path dir = Samples.copy("analysis_viz", tmp);
        Path out = tmp.resolve("out");
        CallResult r = run("analysis_viz", dir, dir, out);
        assertEquals(8, r.outputs().size());
        Golden.check(getClass(), "analysisVizDrawsPythonAndOasmGraphs", "txt", summary(r) + Samples.dump(out));
        Optional<Path> dot = SvgRenderer.dot();
        if (dot.isPresent()) {
            for (Path p : r.outputs()) {
                if (p.toString().endsWith(".dot")) {
                    Path svg = SvgRenderer.render(dot.get(), p);
                    assertTrue(Files.readString(svg).contains("<svg"), svg.toString());
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOtherFunctionsTakeAndGivePlainData() {
        Map<String, Object> diag = Map.of("rule", "r", "severity", "warning", "file", "a.py", "line", 1, "message", "bad 'x'");
        Map<String, Object> diag2 = Map.of("rule", "r", "severity", "warning", "file", "a.py", "line", 2, "message", "bad 'y'");
        List<Object> clusters = (List<Object>) bridge.call("pattern_lab", "cluster", Map.of("diagnostics", List.of(diag, diag2)),
                Grants.NONE).value();
        assertEquals(1, clusters.size());
        assertEquals("bad <*>", String.join(" ", (List<String>) ((Map<String, Object>) clusters.get(0)).get("template")));
        Map<String, Object> block = (Map<String, Object>) bridge.call("semi_fixers", "generalise", Map.of("edits", List.of(
                Map.of("old", "    print x\n", "new", "    print(x)\n", "path", "a.py"),
                Map.of("old", "    print y\n", "new", "    print(y)\n", "path", "b.py"))), Grants.NONE).value();
        assertEquals(List.of(Map.of("find", "(?m)^    print ([A-Za-z0-9_]+)\\n", "replace", "    print($1)\n", "size", 2)),
                block.get("families"));
        Map<String, Object> graphs = (Map<String, Object>) bridge.call("analysis_viz", "render",
                Map.of("path", "s.oasm", "source", "a && b || c\n"), Grants.NONE).value();
        assertEquals(6, ((Map<String, Object>) graphs.get("cfg")).get("edges"));
    }

    @Test
    void aBadInputIsOneLineNamingTheModuleAndTheException() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"no\": \"diagnostics\"}");
        PythonError e = assertThrows(PythonError.class, () -> run("pattern_lab", bad, tmp, null));
        assertEquals("pattern_lab: ValueError: bad.json: JSON that is neither a diagnostic index nor execution records",
                e.getMessage());
        assertTrue(e.traceback().contains("Traceback"), e.traceback());
        Path notPython = Files.writeString(tmp.resolve("broken.py"), "def f(:\n");
        PythonError syntax = assertThrows(PythonError.class, () -> run("analysis_viz", notPython, tmp, null));
        assertEquals("analysis_viz: ValueError: broken.py: line 1: '(' was never closed", syntax.getMessage());
    }

    @Test
    void cpythonWritesTheSameFiles() throws Exception {
        Path python = Stream.of("/usr/bin/python3", "/usr/local/bin/python3").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElse(null);
        assumeTrue(python != null, "no CPython 3 to compare with");
        Path dir = Samples.copy("semi_fixers", tmp);
        Path viz = Samples.copy("analysis_viz", tmp);
        for (String[] c : new String[][] {{"semi_fixers", dir.toString()}, {"analysis_viz", viz.toString()}}) {
            Path graal = tmp.resolve("graal-" + c[0]);
            Path cpy = Files.createDirectories(tmp.resolve("cpython-" + c[0]));
            run(c[0], Path.of(c[1]), tmp, graal);
            Process p = new ProcessBuilder(python.toString(), "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                    + "import importlib; importlib.import_module(sys.argv[2]).main([sys.argv[3]], sys.argv[4], {})",
                    pythonSources().toString(), c[0], c[1], cpy.toString()).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), said);
            assertEquals(Samples.dump(cpy), Samples.dump(graal), c[0]);
        }
    }

    private static String stdout(CallResult r) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) r.value();
        return (String) m.get("stdout");
    }

    static Path pythonSources() throws URISyntaxException {
        return Path.of(PythonBridge.class.getResource("python/_oasm.py").toURI()).getParent();
    }
}
