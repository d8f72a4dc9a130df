package org.oasm.cockpit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real cockpit ({@link Main}) in a JVM of its own, with the test class path and the
 * launcher's flags: the way users and containers run it, with real signals and real exit statuses.
 */
public final class CockpitProcess {

    /** What a finished cockpit printed and its exit status. */
    public record Finished(int status, String out, String err) { }

    private CockpitProcess() {
    }

    /** A process builder for {@code oasm ARGS} in {@code cwd}; stdin is empty unless redirected. */
    public static ProcessBuilder builder(Path cwd, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED",
                "-Dpolyglot.engine.WarnInterpreterOnly=false",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().remove("OASM_ROOT");
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs {@code oasm ARGS} to its end with {@code stdin} as input. */
    public static Finished run(Path cwd, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        Process p = builder(cwd, env, args).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("oasm " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Finished(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
