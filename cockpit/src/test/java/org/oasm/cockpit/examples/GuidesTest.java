package org.oasm.cockpit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command the system guides show in a {@code ```sh} block runs, so the guides cannot drift
 * from the code. A guide's blocks run in order in one bash, at the root of a copy of the
 * repository in which {@code ./oasm} is this build's cockpit (and {@code cockpit/target} holds
 * the jar and class path file a build leaves there); each command must end with status 0, or
 * with the status its comment gives ({@code # exit 1: why}); a pipeline fails when any of its
 * programs does. The sizes {@code MODULAR_ARCHITECTURE.md} gives are measured again: each command
 * block's line count exactly, the Java modules and packages to within a tenth.
 */
class GuidesTest {

    private static final Pattern BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXPECTED = Pattern.compile("#\\s*exit (\\d+)\\b[^']*$");

    @TempDir
    static Path dir;
    static Path repo;

    @BeforeAll
    static void copyTheRepository() throws IOException {
        assumeTrue(Examples.onPath("bash") && Examples.onPath("jq"), "bash or jq is not installed");
        repo = dir.resolve("repo");
        Examples.copyTree(Examples.REPOSITORY, repo);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path launcher = repo.resolve("oasm");
        Files.writeString(launcher, "#!/bin/sh\n# this build's cockpit, for the guides' commands\n"
                + "exec '" + java + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --enable-native-access=ALL-UNNAMED"
                + " --sun-misc-unsafe-memory-access=allow -Dpolyglot.engine.WarnInterpreterOnly=false"
                + " -Doasm.launcher=\"$0\" -cp \"$OASM_TEST_CP\" org.oasm.cockpit.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        // what a build leaves in cockpit/target: the cockpit's jar and the runtime class path
        Path target = Files.createDirectories(repo.resolve("cockpit/target"));
        List<Path> jars = Examples.runtimeJars(dir.resolve("jars"));
        Path cockpit = jars.stream().filter(p -> p.getFileName().toString().equals("cockpit-classes.jar")).findFirst().orElseThrow();
        Files.copy(cockpit, target.resolve("cockpit-0.1.0-SNAPSHOT.jar"));
        List<String> classPath = new ArrayList<>();
        for (Path jar : jars) {
            if (!jar.equals(cockpit)) {
                classPath.add(jar.toRealPath().toString());
            }
        }
        Files.writeString(target.resolve("classpath.txt"), String.join(":", classPath));
    }

    /** The commands of a guide's sh blocks, one per entry (continuation lines joined), with their line numbers. */
    static List<String[]> commands(String guide) {
        List<String[]> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(guide);
        while (m.find()) {
            int line = guide.substring(0, m.start(1)).split("\n", -1).length;
            StringBuilder pending = new StringBuilder();
            int first = line;
            for (String l : m.group(1).split("\n")) {
                if (pending.isEmpty()) {
                    first = line;
                }
                line++;
                if (l.isBlank() || (pending.isEmpty() && l.strip().startsWith("#"))) {
                    continue;
                }
                if (l.endsWith("\\")) {
                    pending.append(l, 0, l.length() - 1).append(' ');
                    continue;
                }
                pending.append(l);
                out.add(new String[] {String.valueOf(first), pending.toString()});
                pending.setLength(0);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"COMPLETE_SYSTEM_SUMMARY.md", "MODULAR_ARCHITECTURE.md", "WPSHELL_2026_DOCKER_PLAN.md", "CONTAINER.md"})
    void everyCommandOfTheGuideRuns(String name) throws Exception {
        String guide = Files.readString(Examples.REPOSITORY.resolve("docs").resolve(name));
        List<String[]> commands = commands(guide);
        assertFalse(commands.isEmpty(), name + " shows no sh commands");
        StringBuilder script = new StringBuilder("set -o pipefail\ncd '" + repo + "' || exit 97\n");
        for (String[] c : commands) {
            Matcher e = EXPECTED.matcher(c[1]);
            String expected = e.find() ? e.group(1) : "0";
            script.append(c[1]).append('\n')
                    .append("s=$?; if [ $s -ne ").append(expected).append(" ]; then echo \"GUIDE FAILED: ").append(name)
                    .append(" line ").append(c[0]).append(": exit $s, expected ").append(expected).append("\"; fi\n");
        }
        Path file = dir.resolve(name + ".sh");
        Files.writeString(file, script);
        Path tmp = Files.createDirectories(dir.resolve("tmp-" + name));
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(repo.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("OASM_TEST_CP", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("TMPDIR", tmp.toString());
        pb.environment().remove("OASM_ROOT");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), name);
        assertEquals(0, p.exitValue(), out);
        List<String> failed = out.lines().filter(l -> l.startsWith("GUIDE FAILED: ")).toList();
        assertEquals(List.of(), failed, out);
    }

    /** The lines of the .java files of a folder (not its subfolders). */
    private static long javaLines(Path folder) throws IOException {
        long n = 0;
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                n += Files.readAllLines(f).size();
            }
        }
        return n;
    }

    private static long linesOf(String cell) {
        Matcher m = Pattern.compile("(\\d[\\d,]*)").matcher(cell);
        assertTrue(m.find(), cell);
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static void assertNear(long expected, long actual, String what) {
        assertTrue(Math.abs(actual - expected) * 10 <= actual,
                what + ": the guide says " + expected + " lines, the code has " + actual + " (update docs/MODULAR_ARCHITECTURE.md)");
    }

    @org.junit.jupiter.api.Test
    void theSizesInTheModularArchitectureGuideHold() throws IOException {
        Path root = Examples.REPOSITORY;
        String guide = Files.readString(root.resolve("docs/MODULAR_ARCHITECTURE.md"));
        String modules = guide.substring(guide.indexOf("## Modules (Java)"), guide.indexOf("## Templates (YAML)"));
        Pattern pkg = Pattern.compile("`(org\\.oasm\\.[a-z]+|\\.[a-z]+)`");
        Path base = null;
        int packages = 0;
        for (String row : modules.lines().filter(l -> l.startsWith("| ")).toList()) {
            String[] cells = row.split("\\|");
            Matcher module = Pattern.compile("`([a-z-]+)` \\(([\\d,]+)").matcher(cells[1]);
            if (module.find()) {
                String current = module.group(1);
                try (var folders = Files.list(root.resolve(current).resolve("src/main/java/org/oasm"))) {
                    base = folders.findFirst().orElseThrow(); // the module's root package
                }
                long total = 0;
                try (var files = Files.walk(root.resolve(module.group(1)).resolve("src/main/java"))) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        total += Files.readAllLines(f).size();
                    }
                }
                assertNear(linesOf(module.group(2)), total, module.group(1));
            }
            Matcher m = pkg.matcher(cells[2].split("\\(")[0]); // the package names, before what they hold
            long actual = 0;
            boolean any = false;
            while (m.find()) {
                String name = m.group(1);
                actual += javaLines(name.startsWith("org.") ? base : base.resolve(name.substring(1)));
                any = true;
            }
            if (any) {
                assertNear(linesOf(cells[3]), actual, cells[2].strip());
                packages++;
            }
        }
        assertTrue(packages >= 20, "package rows read: " + packages);
        String templates = guide.substring(guide.indexOf("## Templates (YAML)"));
        templates = templates.substring(0, templates.indexOf("\n## ", 5));
        int blocks = 0;
        for (String row : templates.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = row.split("\\|");
            String id = cells[1].strip().replace("`", "");
            Path file = root.resolve("templates/command_blocks").resolve(cells[2].strip()).resolve(id + ".yaml");
            assertEquals(linesOf(cells[3]), Files.readAllLines(file).size(), id);
            blocks++;
        }
        try (var files = Files.list(root.resolve("templates/command_blocks"))) {
            long shipped = 0;
            for (Path kind : files.toList()) {
                try (var f = Files.list(kind)) {
                    shipped += f.count();
                }
            }
            assertEquals(shipped, blocks, "every command block has its row");
        }
    }

    @org.junit.jupiter.api.Test
    void commandsAreReadWithTheirLinesAndExpectedStatuses() {
        String guide = "intro\n```sh\n# a comment\n./oasm a\n\n./oasm b \\\n  --c   # exit 1: why\n```\ntext\n```console\n$ docker x\n```\n";
        List<String[]> c = commands(guide);
        assertEquals(2, c.size());
        assertEquals(List.of("4", "./oasm a"), List.of(c.get(0)));
        assertEquals(List.of("6", "./oasm b    --c   # exit 1: why"), List.of(c.get(1)));
        Matcher e = EXPECTED.matcher(c.get(1)[1]);
        assertTrue(e.find());
        assertEquals("1", e.group(1));
    }
}
