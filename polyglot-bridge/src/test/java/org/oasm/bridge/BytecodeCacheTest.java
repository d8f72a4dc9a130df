package org.oasm.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytecode cache: filled while the bridge loads modules, read by the next bridge, never
 * writable from a call, and a damaged entry only costs a compilation.
 */
class BytecodeCacheTest {

    @TempDir
    Path tmp;

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String attempt(PythonBridge bridge, String code) {
        Map<?, ?> r = (Map<?, ?>) bridge.call("probe", "attempt", Map.of("code", code), Grants.NONE).value();
        return r.containsKey("error") ? "error " + r.get("error") : "ok " + r.get("ok");
    }

    @Test
    void isFilledWhileLoadingAndReadOnlyDuringCalls() throws IOException {
        Path cache = tmp.resolve("cache");
        BridgeOptions options = BridgeOptions.DEFAULTS.withBytecodeCache(cache);
        try (PythonBridge bridge = new PythonBridge(options, SandboxTest.probeBindings())) {
            assertEquals(Map.of("x", 1), bridge.call("probe", "echo", Map.of("x", 1), Grants.NONE).value());
            List<Path> modules = files(cache.resolve("modules"), ".pyc");
            assertEquals(2, modules.size(), modules.toString()); // _oasm and probe
            assertTrue(modules.stream().anyMatch(p -> p.getFileName().toString().startsWith("probe-")), modules.toString());
            assertTrue(files(cache.resolve("stdlib"), ".pyc").stream().anyMatch(p -> p.toString().contains("/json/")),
                    "json, which the bridge imports, is kept compiled");

            Path entry = modules.getFirst();
            byte[] before = Files.readAllBytes(entry);
            String overwrite = attempt(bridge, "open(" + q(entry) + ", 'wb').write(b'x')");
            assertTrue(overwrite.startsWith("error PermissionError"), overwrite);
            String create = attempt(bridge, "open(" + q(cache.resolve("modules").resolve("planted.pyc")) + ", 'wb').write(b'x')");
            assertTrue(create.startsWith("error PermissionError"), create);
            String replace = attempt(bridge, "import os\nos.replace(" + q(entry) + ", " + q(entry) + " + '.moved')");
            assertTrue(replace.startsWith("error PermissionError"), replace);
            assertTrue(Files.exists(entry));
            assertEquals(new String(before, java.nio.charset.StandardCharsets.ISO_8859_1),
                    new String(Files.readAllBytes(entry), java.nio.charset.StandardCharsets.ISO_8859_1));
            // a standard module first imported during a call is compiled, but not kept
            assertEquals("ok 'shlex'", attempt(bridge, "import shlex\nresult = shlex.__name__"));
            assertTrue(files(cache.resolve("stdlib"), ".pyc").stream().noneMatch(p -> p.toString().contains("shlex")));
            assertFalse(Files.exists(cache.resolve("modules").resolve("planted.pyc")));
        }
    }

    @Test
    void theNextBridgeReadsItAndADamagedEntryIsCompiledAgain() throws IOException {
        Path cache = tmp.resolve("cache");
        BridgeOptions options = BridgeOptions.DEFAULTS.withBytecodeCache(cache);
        try (PythonBridge first = new PythonBridge(options, SandboxTest.probeBindings())) {
            assertEquals(Map.of("x", 1), first.call("probe", "echo", Map.of("x", 1), Grants.NONE).value());
        }
        Path probe = files(cache.resolve("modules"), ".pyc").stream()
                .filter(p -> p.getFileName().toString().startsWith("probe-")).findFirst().orElseThrow();
        Files.write(probe, new byte[] {1, 2, 3});
        try (PythonBridge second = new PythonBridge(options, SandboxTest.probeBindings())) {
            assertEquals(Map.of("x", 2), second.call("probe", "echo", Map.of("x", 2), Grants.NONE).value());
            assertEquals("ok 'probe.py'", attempt(second, "import sys\nresult = sys.modules['probe'].__file__"));
        }
        assertTrue(Files.size(probe) > 100, "the damaged entry was written again");
        try (Stream<Path> s = Files.list(cache.resolve("modules"))) {
            assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".tmp")).toList(), "no partial file is left");
        }
    }

    private static String q(Path p) {
        return "'" + p.toString().replace("'", "\\'") + "'";
    }
}
