package org.oasm.cockpit.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The two report files for each outcome, with text an XML file cannot hold as it is. */
class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void eachOutcomeBecomesItsJunitElementAndItsJsonStatus() throws Exception {
        SelfTest.Report report = new SelfTest.Report(Suite.QUICK, dir, Instant.parse("2026-12-01T10:00:00.123Z"), 1234, List.of(
                new CheckResult("schemas", "rule", CheckResult.Status.PASSED, 12, "jar:oasm/schemas/rule_schema.yaml", ""),
                new CheckResult("templates.run", "fix_imports", CheckResult.Status.FAILED, 900, "the output lacks \"<committed>\"",
                        "a program printed \u001b[31mred\u001b[0m & \u0000"),
                new CheckResult("python", "semi_fixers", CheckResult.Status.SKIPPED, 0, "full suite only", ""),
                new CheckResult("store", "verify", CheckResult.Status.ERROR, 3, "UncheckedIOException: disk gone", "trace")), null);
        List<Path> files = ReportFiles.write(report, dir.resolve("out"));
        assertEquals(List.of(dir.resolve("out/TEST-oasm.selftest.quick.xml"), dir.resolve("out/oasm-selftest-quick.json")), files);

        var doc = SelfTestCommandTest.xml(files.get(0));
        Map<String, Element> cases = SelfTestCommandTest.checkJunitShape(doc);
        Element suite = doc.getDocumentElement();
        assertEquals("oasm.selftest.quick", suite.getAttribute("name"));
        assertEquals("1.234", suite.getAttribute("time"));
        assertEquals("2026-12-01T10:00:00", suite.getAttribute("timestamp"));
        Element failure = (Element) cases.get("templates.run.fix_imports").getElementsByTagName("failure").item(0);
        assertEquals("the output lacks \"<committed>\"", failure.getAttribute("message"));
        assertEquals("a program printed \uFFFD[31mred\uFFFD[0m & \uFFFD", failure.getTextContent());
        assertEquals("0.900", cases.get("templates.run.fix_imports").getAttribute("time"));
        Element error = (Element) cases.get("store.verify").getElementsByTagName("error").item(0);
        assertEquals("UncheckedIOException", error.getAttribute("type"));
        assertEquals("full suite only",
                ((Element) cases.get("python.semi_fixers").getElementsByTagName("skipped").item(0)).getAttribute("message"));
        assertEquals("jar:oasm/schemas/rule_schema.yaml",
                cases.get("schemas.rule").getElementsByTagName("system-out").item(0).getTextContent());

        JsonNode json = JsonMapper.builder().build().readTree(files.get(1).toFile());
        assertEquals("failed", json.path("status").asString());
        assertEquals(4, json.path("totals").path("tests").asInt());
        assertEquals(1, json.path("totals").path("error").asInt());
        assertEquals(List.of("passed", "failed", "skipped", "error"),
                json.path("checks").valueStream().map(c -> c.path("status").asString()).toList());
        assertEquals("2026-12-01T10:00:00.123Z", json.path("started").asString());
    }
}
