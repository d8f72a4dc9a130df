package org.oasm.cockpit.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.cockpit.examples.Examples;

/**
 * The container image without a Docker engine (none runs on the build machines): the
 * Dockerfile's COPY sources are in the build context and not excluded by .dockerignore, and the
 * runtime it sets up is rebuilt here the way the image has it - the cockpit and its runtime
 * jars in one {@code lib/} folder, {@code docker/layout.sh} writing the JVM's argument file and
 * training the ahead-of-time cache, {@code docker/entrypoint.sh} as the entrypoint, the data
 * folders in the OASM root - and started: a command line, commands on stdin, a session file of
 * the image's {@code examples/}, a start that must use the trained cache
 * ({@code -XX:AOTMode=on} refuses to start otherwise), an empty stdin, and SIGTERM sent to the
 * entrypoint's process (what {@code docker stop} does), which its {@code exec} makes the cockpit.
 */
class ContainerLayoutTest {

    private static final Path REPO = Examples.REPOSITORY;

    @TempDir
    static Path dir;
    static Path home;
    static Path root;

    /** The image's /opt/oasm (lib/, bin/, examples/, java.args, oasm.aot) and /oasm, built from this build's class path. */
    @BeforeAll
    static void buildTheImagesLayout() throws Exception {
        assumeTrue(Examples.onPath("sh"), "sh is not installed");
        home = Files.createDirectories(dir.resolve("opt/oasm"));
        Examples.runtimeJars(home.resolve("lib"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (String script : List.of("layout.sh", "entrypoint.sh")) {
            Files.copy(REPO.resolve("docker").resolve(script), bin.resolve(script));
        }
        copyTree(REPO.resolve("examples"), home.resolve("examples"));
        root = Files.createDirectories(dir.resolve("oasm"));
        for (String data : List.of("templates", "manifests", "schemas", "shell_profile.yaml")) {
            copyTree(REPO.resolve(data), root.resolve(data));
        }
        var train = sh(List.of(bin.resolve("layout.sh").toString(), home.toString(), "--train"), "", Map.of());
        assertEquals(0, train.status(), train.out());
    }

    record Run(int status, String out) { }

    /** Runs a program with the image's environment (OASM_HOME, OASM_ROOT, JAVA_HOME), stdout and stderr together. */
    private static Run sh(List<String> command, String stdin, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OASM_HOME", home.toString());
        pb.environment().put("OASM_ROOT", root.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
        return new Run(p.exitValue(), out);
    }

    private static Run entrypoint(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/entrypoint.sh").toString()));
        command.addAll(List.of(args));
        return sh(command, stdin, Map.of());
    }

    @Test
    void everyCopySourceIsInTheBuildContext() throws IOException {
        List<String> ignored = Files.readAllLines(REPO.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        Matcher m = Pattern.compile("(?m)^COPY\\s+(?!--from)(.+)$").matcher(Files.readString(REPO.resolve("Dockerfile")));
        int copies = 0;
        List<String> destinations = new ArrayList<>();
        while (m.find()) {
            String[] words = m.group(1).trim().split("\\s+");
            destinations.add(words[words.length - 1]);
            for (int i = 0; i < words.length - 1; i++) {
                String source = words[i].replaceAll("/$", "");
                assertTrue(Files.exists(REPO.resolve(source)), "COPY " + source + ": not in the repository");
                for (String pattern : ignored) {
                    String top = source.split("/")[0];
                    assertFalse(pattern.equals(top) || pattern.equals(source), "COPY " + source + " is excluded by .dockerignore " + pattern);
                }
                copies++;
            }
        }
        assertTrue(copies >= 10, "the Dockerfile's COPY lines: " + copies);
        assertTrue(destinations.contains("/opt/oasm/bin/"), destinations.toString());
        assertTrue(Files.readString(REPO.resolve("Dockerfile")).contains("ENTRYPOINT [\"/opt/oasm/bin/entrypoint.sh\"]"));
    }

    @Test
    void theLayoutHasTheImagesClassPathAndATrainedCache() throws IOException {
        List<String> args = Files.readAllLines(home.resolve("java.args"));
        assertEquals("-cp", args.get(args.size() - 2));
        List<String> cp = List.of(args.getLast().split(":"));
        try (Stream<Path> s = Files.list(home.resolve("lib"))) {
            assertEquals(s.count(), cp.size(), "every jar of lib/ and nothing else");
        }
        assertEquals(cp.stream().sorted().toList(), cp, "a fixed order, so that the cache matches at every start");
        assertTrue(Files.size(home.resolve("oasm.aot")) > 1_000_000, "the trained cache");
    }

    @Test
    void aCommandLineStdinAndASessionFileRunWithTheTrainedCache() throws Exception {
        var line = sh(List.of(home.resolve("bin/entrypoint.sh").toString(), "-c", "echo $OASM_ROOT | wc -c"), "",
                Map.of("OASM_JAVA_OPTS", "-XX:AOTMode=on"));
        assertEquals(0, line.status(), line.out());
        assertEquals((root + "\n").length() + "\n", line.out().stripLeading());

        var stdin = entrypoint("oasm manifest validate\noasm templates list --kind repair | wc -l\n");
        assertEquals(0, stdin.status(), stdin.out());
        assertEquals("manifest valid: 22 schemas, 4 modules\n4\n", stdin.out().replaceAll("(?m)^\\s+", ""));

        Path work = Files.createDirectories(dir.resolve("work"));
        var session = entrypoint("", home.resolve("examples/01_substrate_basics.oasm").toString(), work.toString());
        assertEquals(0, session.status(), session.out());
        assertTrue(session.out().contains("a child program sees: hello from the cockpit\n"), session.out());
        try (Stream<Path> s = Files.list(root.resolve("logs/execution"))) {
            assertTrue(s.count() >= 3, "each run left its execution log in the root");
        }

        var usage = entrypoint("", "--frobnicate");
        assertEquals(2, usage.status(), usage.out());
    }

    @Test
    void theEntrypointBecomesTheCockpitSoSigtermReachesIt() throws Exception {
        // docker run without -i: stdin is empty, and the cockpit ends at once with status 0
        var empty = entrypoint("");
        assertEquals(0, empty.status(), empty.out());
        assertEquals("", empty.out());

        // docker stop signals the container's first process, the entrypoint's pid: exec made it the JVM
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/entrypoint.sh").toString(), "--log-stdout", "-c",
                "echo started; sleep 30; echo after").directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OASM_HOME", home.toString());
        pb.environment().put("OASM_ROOT", root.toString());
        Process p = pb.start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String l; (l = out.readLine()) != null && !l.equals("started"); ) {
            lines.add(l);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (p.descendants().noneMatch(d -> d.info().command().orElse("").endsWith("sleep")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(ProcessHandle.of(p.pid()).orElseThrow().info().command().orElse("").endsWith("java"),
                "the entrypoint's process should be the JVM");
        long t0 = System.nanoTime();
        new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor();
        assertTrue(p.waitFor(2, TimeUnit.SECONDS), "the cockpit did not end within 2 s of SIGTERM");
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(2));
        assertEquals(143, p.exitValue());
        out.lines().forEach(lines::add);
        assertFalse(lines.contains("after"), lines.toString());
        // --log-stdout: the records of the line, the last one the session's end, Cancelled with 143
        List<String> records = lines.stream().filter(l -> l.startsWith("{")).toList();
        assertTrue(records.stream().anyMatch(r -> r.contains("\"command\":\"sleep 30\"") && r.contains("\"status\":\"Cancelled\"")),
                lines.toString());
        assertTrue(records.getLast().contains("\"scope\":\"Session\"") && records.getLast().contains("\"exit_status\":143"),
                records.getLast());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Examples.copyTree(from, to);
    }
}
