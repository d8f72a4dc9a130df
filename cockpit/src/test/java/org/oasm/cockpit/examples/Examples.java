package org.oasm.cockpit.examples;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test support: where the repository's examples/ and docs/ are, and whether a program is installed. */
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
}
