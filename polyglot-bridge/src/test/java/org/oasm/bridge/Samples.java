package org.oasm.bridge;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies a folder of sample inputs from the test resources into a test's temporary folder. */
final class Samples {

    private Samples() {
    }

    static Path copy(String name, Path into) throws IOException {
        try {
            Path from = Path.of(Samples.class.getResource("samples/" + name).toURI());
            Path to = into.resolve(name);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path t = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return to;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under a folder, as "=== relative/path" followed by its text, sorted. */
    static String dump(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.append("=== ").append(dir.relativize(p).toString().replace('\\', '/')).append('\n');
                out.append(Files.readString(p));
            }
        }
        return out.toString();
    }
}
