package org.oasm.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files {@code <TestClass>-<method>.<ext>} in the test's package under src/test/resources.
 * Run with {@code -Dgolden.update=true} to rewrite them from the actual output (then review the diff).
 */
final class Golden {

    private Golden() {
    }

    static void check(Class<?> test, String method, String ext, String actual) throws IOException {
        String name = test.getSimpleName() + "-" + method + "." + ext;
        if (Boolean.getBoolean("golden.update")) {
            Path src = Path.of("src/test/resources", test.getPackageName().replace('.', '/'), name);
            Files.createDirectories(src.getParent());
            Files.writeString(src, actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = test.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("golden file " + name + " is missing next to " + test.getName());
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, name);
        }
    }
}
