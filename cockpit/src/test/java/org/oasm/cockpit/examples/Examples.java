package org.oasm.cockpit.examples;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Test support: where the repository's examples/ and docs/ are, whether a program is installed,
 * and this build's runtime class path as jars (the layout of a packaged cockpit), made from the
 * test's class path: the jars of the runtime scope, and a jar of each folder of classes.
 */
public final class Examples {

    /** The repository's root (the cockpit module's tests run in cockpit/). */
    public static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    public static final Path EXAMPLES = REPOSITORY.resolve("examples");

    private Examples() {
    }

    /** Whether a program of this name is on PATH. */
    public static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The runtime class path of this build as jars in {@code lib}: a symbolic link to each jar of
     * the test's class path but those of the test scope, and a jar of each folder of classes
     * ({@code MODULE-classes.jar}). Returns the jars, sorted.
     */
    public static List<Path> runtimeJars(Path lib) throws IOException {
        Files.createDirectories(lib);
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (testOnly(entry) || !Files.exists(p)) {
                continue;
            }
            Path target;
            if (Files.isDirectory(p)) {
                target = lib.resolve(p.getParent().getParent().getFileName() + "-classes.jar");
                jar(p, target);
            } else {
                target = lib.resolve(p.getFileName());
                Files.createSymbolicLink(target, p);
            }
            out.add(target);
        }
        out.sort(null);
        return out;
    }

    /** The test scope's jars and classes, which a packaged cockpit does not have. */
    private static boolean testOnly(String entry) {
        return entry.contains("/org/junit/") || entry.contains("/org/opentest4j/") || entry.contains("/org/apiguardian/")
                || entry.contains("/org/apache/maven/surefire/") || entry.endsWith("-tests.jar") || entry.endsWith("test-classes");
    }

    /** A jar of a folder of classes, with an entry for each folder, as Maven's jars have (class-path listings need them). */
    public static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.sorted().toList()) {
                String name = classes.relativize(p).toString().replace(File.separatorChar, '/');
                if (name.isEmpty()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(p) ? name + "/" : name));
                if (Files.isRegularFile(p)) {
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
    }

    /** Copies a folder tree, leaving out build output, records and version control. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path rel = from.relativize(p);
                if (rel.toString().split("/")[0].matches("\\.git|logs|artifacts|\\.idea|\\.oasm-build")
                        || rel.toString().matches("(.*/)?target(/.*)?")) {
                    continue;
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (Files.isRegularFile(p)) {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }
}
