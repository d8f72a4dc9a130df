package org.oasm.cockpit.selftest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.oasm.cockpit.bundle.AtomicWrite;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The self-test's two reports, each written atomically into the output folder:
 * {@code TEST-oasm.selftest.SUITE.xml} in the JUnit XML format of Ant and Maven Surefire (one
 * {@code testsuite} of {@code testcase}s with {@code failure}, {@code error} or {@code skipped}),
 * which CI servers read, and {@code oasm-selftest-SUITE.json}, the same as one JSON document.
 */
public final class ReportFiles {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportFiles() {
    }

    /** The report files of a suite in {@code dir}: the XML first, then the JSON. */
    public static List<Path> paths(Path dir, Suite suite) {
        return List.of(dir.resolve("TEST-oasm.selftest." + suite.label() + ".xml"),
                dir.resolve("oasm-selftest-" + suite.label() + ".json"));
    }

    /** Writes both reports; returns their paths. */
    public static List<Path> write(SelfTest.Report report, Path dir) {
        List<Path> paths = paths(dir, report.suite());
        AtomicWrite.write(paths.get(0), junitXml(report));
        AtomicWrite.write(paths.get(1), (JSON.writeValueAsString(summary(report)) + "\n").getBytes(StandardCharsets.UTF_8));
        return paths;
    }

    static byte[] junitXml(SelfTest.Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "oasm.selftest." + report.suite().label());
            x.writeAttribute("tests", String.valueOf(report.results().size()));
            x.writeAttribute("failures", String.valueOf(report.count(CheckResult.Status.FAILED)));
            x.writeAttribute("errors", String.valueOf(report.count(CheckResult.Status.ERROR)));
            x.writeAttribute("skipped", String.valueOf(report.count(CheckResult.Status.SKIPPED)));
            x.writeAttribute("time", seconds(report.millis()));
            x.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    report.started().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            x.writeAttribute("hostname", hostname());
            x.writeCharacters("\n  ");
            x.writeStartElement("properties");
            for (Map.Entry<String, String> p : properties(report).entrySet()) {
                x.writeCharacters("\n    ");
                x.writeEmptyElement("property");
                x.writeAttribute("name", p.getKey());
                x.writeAttribute("value", p.getValue());
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            for (CheckResult r : report.results()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("name", r.name());
                x.writeAttribute("classname", "oasm.selftest." + r.group());
                x.writeAttribute("time", seconds(r.millis()));
                switch (r.status()) {
                    case FAILED -> problem(x, "failure", "oasm.selftest.CheckFailed", r);
                    case ERROR -> problem(x, "error", r.message().contains(":") ? r.message().substring(0, r.message().indexOf(':'))
                            : "Exception", r);
                    case SKIPPED -> {
                        x.writeCharacters("\n    ");
                        x.writeEmptyElement("skipped");
                        x.writeAttribute("message", xmlText(r.message()));
                        x.writeCharacters("\n  ");
                    }
                    case PASSED -> {
                        if (!r.message().isEmpty()) {
                            x.writeCharacters("\n    ");
                            x.writeStartElement("system-out");
                            x.writeCharacters(xmlText(r.message()));
                            x.writeEndElement();
                            x.writeCharacters("\n  ");
                        }
                    }
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void problem(XMLStreamWriter x, String element, String type, CheckResult r) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement(element);
        x.writeAttribute("message", xmlText(r.message()));
        x.writeAttribute("type", type);
        x.writeCharacters(xmlText(r.detail().isEmpty() ? r.message() : r.detail()));
        x.writeEndElement();
        x.writeCharacters("\n  ");
    }

    /** Text with the characters XML 1.0 cannot hold (control characters a program printed) replaced. */
    static String xmlText(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000 ? c : 0xFFFD));
        return out.toString();
    }

    static Map<String, Object> summary(SelfTest.Report report) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("tests", report.results().size());
        for (CheckResult.Status s : CheckResult.Status.values()) {
            totals.put(s.name().toLowerCase(Locale.ROOT), report.count(s));
        }
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult r : report.results()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.id());
            c.put("group", r.group());
            c.put("name", r.name());
            c.put("status", r.status().name().toLowerCase(Locale.ROOT));
            c.put("duration_ms", r.millis());
            c.put("message", r.message());
            if (!r.detail().isEmpty()) {
                c.put("detail", r.detail());
            }
            checks.add(c);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", report.suite().label());
        m.put("status", report.passed() ? "passed" : "failed");
        m.put("started", report.started().truncatedTo(ChronoUnit.MILLIS).toString());
        m.put("duration_ms", report.millis());
        m.put("properties", properties(report));
        m.put("totals", totals);
        m.put("checks", checks);
        return m;
    }

    private static Map<String, String> properties(SelfTest.Report report) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("oasm.root", report.root().toString());
        p.put("oasm.scratch_root", report.scratch() == null ? "(deleted)" : report.scratch().resolve("root").toString());
        p.put("java.version", Runtime.version().toString());
        p.put("os.name", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return p;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /** The host's name from the environment or /etc/hostname: no name lookup, which can hang in a container. */
    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            String name = java.nio.file.Files.readString(Path.of("/etc/hostname")).strip();
            return name.isEmpty() ? "localhost" : name;
        } catch (java.io.IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
