package org.oasm.formats.workcopy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Loads {@code <TestClass>-<method>.<ext>} from the test's package in {@code src/test/resources}. */
final class Golden {

    private Golden() {
    }

    static String load(Class<?> test, String method, String ext) throws IOException {
        String name = test.getSimpleName() + "-" + method + "." + ext;
        try (InputStream in = test.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("golden file " + name + " is missing next to " + test.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
