package org.oasm.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truffle's optimising runtime, as {@code OASM_PYTHON_JIT=1 ./oasm} starts it: a child JVM with
 * {@code -XX:+EnableJVMCI}, the build's {@code target/python-jit/upgrade/} jars on the upgrade
 * module path and {@code target/python-jit/lib/} in place of the class path's GraalVM jars runs
 * the bridge on {@code GraalVM CE}, not the fallback runtime, and a module call gives the same
 * value as on the default stack, whose runtime is {@code Interpreted}.
 */
class OptimizingRuntimeTest {

    @TempDir
    Path dir;

    /** The child: prints the runtime, then the value of analysis_viz on a small source. */
    public static void main(String[] args) throws Exception {
        try (PythonBridge bridge = PythonBridge.create()) {
            Path file = Path.of(args[0]);
            ModuleInputs.Request r = ModuleInputs.forMain("analysis_viz", file, file.getParent(), null);
            Object value = bridge.call("analysis_viz", "main", r.kwargs(), r.grants()).value();
            System.out.println(bridge.runtime());
            System.out.println(((Map<?, ?>) value).get("summary"));
        }
        System.exit(0);
    }

    private List<String> child(Path source, boolean jit) throws Exception {
        Path stack = Path.of("target/python-jit");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Doasm.python.cache=none"));
        String classPath = System.getProperty("java.class.path");
        if (jit) {
            command.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                    "--upgrade-module-path=" + jars(stack.resolve("upgrade"))));
            List<String> kept = new ArrayList<>();
            for (String e : classPath.split(File.pathSeparator)) {
                if (!e.contains("/org/graalvm/")) {
                    kept.add(e);
                }
            }
            classPath = String.join(File.pathSeparator, kept) + File.pathSeparator + jars(stack.resolve("lib"));
        }
        command.addAll(List.of("-cp", classPath, OptimizingRuntimeTest.class.getName(), source.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not end");
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    private static String jars(Path folder) throws java.io.IOException {
        try (Stream<Path> jars = Files.list(folder)) {
            return String.join(File.pathSeparator, jars.map(Path::toString).sorted().toList());
        }
    }

    @Test
    void theGraalCompilerGivesTheOptimisingRuntime() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("target/python-jit/upgrade")), "the build copies the Graal compiler to target/python-jit");
        Path source = Files.writeString(dir.resolve("s.py"), "import os\n\ndef f(x):\n    if x:\n        return x + 1\n    return 0\n");
        List<String> optimised = child(source, true);
        List<String> interpreted = child(source, false);
        assertEquals("GraalVM CE", optimised.get(optimised.size() - 2), String.join("\n", optimised));
        assertEquals("Interpreted", interpreted.get(interpreted.size() - 2), String.join("\n", interpreted));
        assertEquals(interpreted.getLast(), optimised.getLast(), "the same value on both runtimes");
    }
}
