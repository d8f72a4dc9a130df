package org.oasm.formats.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.TestInfo;

/**
 * Golden files: {@code src/test/resources/<package>/<TestClass>-<method>.<ext>}. A missing file
 * is written from the actual output and the test fails, so that a person reviews it once.
 */
final class Golden {

    private Golden() {
    }

    static void assertMatches(TestInfo info, String extension, String actual) throws IOException {
        Class<?> test = info.getTestClass().orElseThrow();
        String name = test.getSimpleName() + "-" + info.getTestMethod().orElseThrow().getName() + "." + extension;
        Path file = Path.of("src/test/resources", test.getPackageName().replace('.', '/'), name);
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            throw new AssertionError(file + " did not exist; written from this run's output - review it");
        }
        assertEquals(Files.readString(file), actual, file.toString());
    }
}
