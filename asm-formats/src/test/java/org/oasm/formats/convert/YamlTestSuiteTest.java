package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The yaml-test-suite selection in {@code shared/testdata/yaml}: each case's {@code in.yaml} must
 * read as the JSON values of its {@code in.json} (YAML 1.2 core schema), or be refused when the
 * case has an {@code error} file. Our reader is scored in strict mode (what {@code oasm convert}
 * does without {@code --lossy}: non-text keys and foreign tags refused) and in lossy mode, and
 * beside it the candidate libraries as they load documents on their own: snakeyaml-engine's
 * {@code Load} (YAML 1.2), Jackson 3's {@code YAMLMapper} and SnakeYAML (YAML 1.1). The scores
 * are printed and recorded in {@code docs/CONVERSION_RULES.md}; the test fails if ours drops
 * below the floor measured when the library was chosen.
 */
class YamlTestSuiteTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    record Case(String id, byte[] yaml, List<JsonNode> expected, boolean error) {
    }

    static List<Case> cases() throws IOException {
        Path dir = TestData.sharedTestdata().resolve("yaml");
        List<Case> out = new ArrayList<>();
        try (Stream<Path> ids = Files.list(dir)) {
            for (Path c : ids.sorted().toList()) {
                if (!Files.isRegularFile(c.resolve("in.yaml"))) {
                    continue;
                }
                boolean error = Files.exists(c.resolve("error"));
                List<JsonNode> expected = new ArrayList<>();
                if (!error && Files.exists(c.resolve("in.json"))) {
                    expected.addAll(values(JSON, Files.readAllBytes(c.resolve("in.json"))));
                }
                out.add(new Case(c.getFileName().toString(), Files.readAllBytes(c.resolve("in.yaml")), expected, error));
            }
        }
        return out;
    }

    static int score(List<Case> cases, Function<byte[], List<JsonNode>> reader, List<String> failures) {
        int pass = 0;
        for (Case c : cases) {
            List<JsonNode> got;
            try {
                got = reader.apply(c.yaml());
            } catch (RuntimeException | StackOverflowError e) {
                if (c.error()) {
                    pass++;
                } else {
                    failures.add(c.id() + ": refused: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                }
                continue;
            }
            if (c.error()) {
                failures.add(c.id() + ": accepted an invalid document");
            } else if (sameAll(got, c.expected())) {
                pass++;
            } else {
                failures.add(c.id() + ": read " + got + ", expected " + c.expected());
            }
        }
        return pass;
    }

    private static boolean sameAll(List<JsonNode> a, List<JsonNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            JsonNode x = a.get(i) == null ? JSON.nullNode() : a.get(i);
            if (!TestData.same(x, b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static List<JsonNode> ours(byte[] yaml, boolean lossy) {
        return new YamlReader(TestData.context(lossy)).readAll(new ByteArrayInputStream(yaml));
    }

    private static List<JsonNode> snakeyamlEngine(byte[] yaml) {
        List<JsonNode> out = new ArrayList<>();
        Load load = new Load(LoadSettings.builder().build());
        for (Object o : load.loadAllFromString(new String(yaml, StandardCharsets.UTF_8))) {
            out.add(JSON.valueToTree(o));
        }
        return out;
    }

    private static List<JsonNode> jackson(byte[] yaml) {
        List<JsonNode> out = new ArrayList<>();
        out.addAll(values(YAMLMapper.builder().disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build(), yaml));
        return out;
    }

    /** Every root value of a stream, each whole (a root array is one value, not its elements). */
    private static List<JsonNode> values(tools.jackson.databind.ObjectMapper mapper, byte[] bytes) {
        List<JsonNode> out = new ArrayList<>();
        try (tools.jackson.core.JsonParser p = mapper.createParser(bytes)) {
            while (p.nextToken() != null) {
                out.add(mapper.readTree(p));
            }
        }
        return out;
    }

    private static List<JsonNode> snakeyaml11(byte[] yaml) {
        List<JsonNode> out = new ArrayList<>();
        org.yaml.snakeyaml.Yaml y = new org.yaml.snakeyaml.Yaml();
        for (Object o : y.loadAll(new String(yaml, StandardCharsets.UTF_8))) {
            out.add(JSON.valueToTree(o));
        }
        return out;
    }

    @Test
    void yamlTestSuiteScores() throws IOException {
        List<Case> cases = cases();
        List<String> strictFailures = new ArrayList<>();
        List<String> lossyFailures = new ArrayList<>();
        int strict = score(cases, y -> ours(y, false), strictFailures);
        int lossy = score(cases, y -> ours(y, true), lossyFailures);
        int engine = score(cases, YamlTestSuiteTest::snakeyamlEngine, new ArrayList<>());
        int jackson = score(cases, YamlTestSuiteTest::jackson, new ArrayList<>());
        int snake11 = score(cases, YamlTestSuiteTest::snakeyaml11, new ArrayList<>());
        int n = cases.size();
        System.out.printf("yaml-test-suite (%d cases): oasm strict %d, oasm --lossy %d, snakeyaml-engine Load %d,"
                + " Jackson YAMLMapper %d, SnakeYAML 1.1 %d%n", n, strict, lossy, engine, jackson, snake11);
        lossyFailures.forEach(f -> System.out.println("  yaml-test-suite lossy failure: " + f));
        assertTrue(lossy >= FLOOR, "oasm --lossy passes " + lossy + " of " + n + ", below the floor of " + FLOOR
                + ": " + lossyFailures);
    }

    /** Passes in lossy mode measured when snakeyaml-engine was chosen; a drop is a regression. */
    static final int FLOOR = 163;
}
