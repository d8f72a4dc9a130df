package org.oasm.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Escapes the sandbox must stop, and the limits and error reporting of a call. One context for the class. */
class SandboxTest {

    static PythonBridge bridge;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        bridge = new PythonBridge(BridgeOptions.DEFAULTS, probeBindings());
    }

    @AfterAll
    static void stop() {
        bridge.close();
    }

    static Bindings probeBindings() throws IOException {
        try (InputStream in = SandboxTest.class.getResourceAsStream("testing/bindings.yaml")) {
            return Bindings.parse(YAMLMapper.builder().build().readTree(in));
        }
    }

    private String attempt(String code, Grants grants) {
        Map<?, ?> r = (Map<?, ?>) bridge.call("probe", "attempt", Map.of("code", code), grants).value();
        return r.containsKey("error") ? "error " + r.get("error") : "ok " + r.get("ok");
    }

    private void refused(String code) {
        try {
            String r = attempt(code, Grants.NONE);
            assertTrue(r.startsWith("error "), code + " -> " + r);
        } catch (PythonError e) {
            assertEquals(PythonError.Kind.EXCEPTION, e.kind(), e.getMessage());
            assertFalse(e.getMessage().contains("Context.Builder"), e.getMessage());
        }
    }

    @Test
    void readsOnlyTheNamedFile() throws IOException {
        Path named = Files.writeString(tmp.resolve("named.txt"), "hello");
        Files.writeString(tmp.resolve("other.txt"), "secret");
        assertEquals("ok 'hello'", attempt("result = open(" + q(named) + ").read()", Grants.reading(named)));
        String other = attempt("result = open(" + q(tmp.resolve("other.txt")) + ").read()", Grants.reading(named));
        assertTrue(other.startsWith("error PermissionError"), other);
        String list = attempt("import os\nresult = os.listdir(" + q(tmp) + ")", Grants.reading(named));
        assertTrue(list.startsWith("error PermissionError"), list);
    }

    @Test
    void cannotReadEtcPasswd() {
        String r = attempt("result = open('/etc/passwd').read()", Grants.NONE);
        assertTrue(r.startsWith("error PermissionError"), r);
        refused("import os\nresult = os.listdir('/')");
        refused("import os\nresult = os.listdir('/etc')");
    }

    @Test
    void cannotCreateProcesses() {
        refused("import os\nresult = os.system('touch /tmp/oasm-sandbox-escaped')");
        refused("import subprocess\nresult = subprocess.run(['id'], capture_output=True)");
        refused("import os\nresult = os.popen('id').read()");
        assertFalse(Files.exists(Path.of("/tmp/oasm-sandbox-escaped")));
    }

    @Test
    void cannotOpenSockets() {
        refused("import socket\ns = socket.socket()\ns.connect(('127.0.0.1', 22))");
        refused("import socket\nresult = socket.create_connection(('127.0.0.1', 80), timeout=1)");
    }

    @Test
    void cannotReachJavaOrOtherLanguages() {
        refused("import java\nresult = java.type('java.lang.Runtime').getRuntime()");
        refused("import java\nresult = java.type('java.io.File')('/etc/passwd').exists()");
        refused("import polyglot\nresult = polyglot.eval(language='js', string='1')");
        refused("import polyglot\nresult = polyglot.import_value('anything')");
        refused("import __graalpython__\nresult = __graalpython__.java_class_from_name('java.lang.System')");
    }

    @Test
    void seesNoEnvironment() {
        assertEquals("ok None", attempt("import os\nresult = os.environ.get('PATH')", Grants.NONE));
        assertEquals("ok None", attempt("import os\nresult = os.environ.get('HOME')", Grants.NONE));
    }

    @Test
    void writesOnlyToItsOutputFolder() throws IOException {
        Path out = tmp.resolve("out");
        String outside = attempt("open(" + q(tmp.resolve("escaped.txt")) + ", 'w').write('x')", Grants.NONE.writingTo(out));
        assertTrue(outside.startsWith("error PermissionError"), outside);
        assertFalse(Files.exists(tmp.resolve("escaped.txt")));
        String up = attempt("import os\nopen(os.path.join(OUT, '..', 'up.txt'), 'w').write('x')", Grants.NONE.writingTo(out));
        assertTrue(up.startsWith("error PermissionError"), up);
        CallResult r = bridge.call("probe", "attempt", Map.of("code",
                "import os\nwith open(os.path.join(OUT, 'a.txt'), 'w') as f:\n    result = f.write('inside')"), Grants.NONE.writingTo(out));
        assertEquals(List.of(out.resolve("a.txt")), r.outputs());
        assertEquals("inside", Files.readString(out.resolve("a.txt")));
        try (var s = Files.list(out)) {
            assertEquals(1, s.count(), "the staging folder is gone");
        }
    }

    @Test
    void linksCannotLeadOutside() throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.createSymbolicLink(tree.resolve("passwd"), Path.of("/etc/passwd"));
        String r = attempt("result = open(" + q(tree.resolve("passwd")) + ").read()", new Grants(List.of(), List.of(tree), null));
        assertTrue(r.startsWith("error PermissionError"), r);
        String link = attempt("import os\nos.symlink('/etc/passwd', os.path.join(OUT, 'p'))",
                Grants.NONE.writingTo(tmp.resolve("out2")));
        assertTrue(link.startsWith("error"), link);
        Files.delete(tree.resolve("passwd")); // JUnit would warn about a link leading out of its folder
    }

    @Test
    void aPythonExceptionIsOneLineWithTheTracebackApart() {
        PythonError e = assertThrows(PythonError.class,
                () -> bridge.call("probe", "fail", Map.of("message", "bad input\nsecond line"), Grants.NONE));
        assertEquals("probe: ValueError: bad input", e.getMessage());
        assertEquals("ValueError", e.pythonType());
        assertEquals(PythonError.Kind.EXCEPTION, e.kind());
        assertTrue(e.traceback().contains("in fail"), e.traceback());
    }

    @Test
    void aFailedCallLeavesNoOutput() throws IOException {
        Path out = tmp.resolve("out3");
        assertThrows(PythonError.class, () -> bridge.call("probe", "attempt", Map.of("code",
                "import os\nopen(os.path.join(OUT, 'half.txt'), 'w').write('x')\nraise SystemExit(3)"),
                Grants.NONE.writingTo(out)));
        try (var s = Files.list(out)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void onlyListedFunctionsAndPlainDataPass() {
        PythonError e = assertThrows(PythonError.class, () -> bridge.call("probe", "attempt_all", Map.of(), Grants.NONE));
        assertEquals(PythonError.Kind.NOT_CALLABLE, e.kind());
        assertThrows(PythonError.class, () -> bridge.call("nosuch", "main", Map.of(), Grants.NONE));
        assertThrows(IllegalArgumentException.class, () -> bridge.call("probe", "echo", Map.of("p", Path.of("/")), Grants.NONE));
        Object echoed = bridge.call("probe", "echo", Map.of("a", List.of(1, 2.5, "x", true), "b", Map.of("c", 12345678901234L)),
                Grants.NONE).value();
        assertEquals(Map.of("a", List.of(1, 2.5, "x", true), "b", Map.of("c", 12345678901234L)), echoed);
    }

    @Test
    void aRunawayCallIsCancelledAndTheNextCallWorks() {
        long t0 = System.nanoTime();
        PythonError e = assertThrows(PythonError.class, () -> bridge.call("spinner", "spin", Map.of(), Grants.NONE));
        assertEquals(PythonError.Kind.TIME_LIMIT, e.kind());
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 30);
        assertEquals("spinner: cancelled after the time limit of 3 s", e.getMessage());
        assertEquals(Map.of("x", 1), bridge.call("probe", "echo", Map.of("x", 1), Grants.NONE).value());
    }

    @Test
    void aCallThatHoardsMemoryIsCancelled() {
        try (PythonBridge small = new PythonBridge(BridgeOptions.DEFAULTS.withMemoryLimit(64L << 20), bridge.bindings())) {
            PythonError e = assertThrows(PythonError.class, () -> small.call("probe", "hog", Map.of("megabytes", 4096), Grants.NONE));
            assertEquals(PythonError.Kind.MEMORY_LIMIT, e.kind(), e.getMessage());
        }
    }

    @Test
    void aStatementLimitCancelsTheCallWhenAskedFor() {
        try (PythonBridge counted = new PythonBridge(BridgeOptions.DEFAULTS.withStatementLimit(200_000), bridge.bindings())) {
            assertEquals(Map.of("x", 1), counted.call("probe", "echo", Map.of("x", 1), Grants.NONE).value());
            PythonError e = assertThrows(PythonError.class, () -> counted.call("probe", "count", Map.of(), Grants.NONE));
            assertEquals(PythonError.Kind.STATEMENT_LIMIT, e.kind(), e.getMessage());
            assertEquals("probe: cancelled after 200000 statements", e.getMessage());
            assertEquals(Map.of("x", 2), counted.call("probe", "echo", Map.of("x", 2), Grants.NONE).value());
        }
    }

    private static String q(Path p) {
        return "'" + p.toString().replace("'", "\\'") + "'";
    }
}
