package org.oasm.cockpit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test support: copies of the sample sources under {@code org/oasm/cockpit/templates/samples/},
 * file trees as maps of bytes (to check that a revert restores every byte), and golden files
 * ({@code <package>/<TestClass>-<method>.<ext>}). With {@code -Doasm.golden.update=true} a golden
 * is written from the actual output instead of compared, for review in the diff of a commit.
 */
public final class Samples {

    private static final Path SAMPLES = resource("/org/oasm/cockpit/templates/samples");

    private Samples() {
    }

    /** A fresh copy of sample {@code name} (a folder under samples/) in {@code dir}. */
    public static Path copy(String name, Path dir) {
        Path from = SAMPLES.resolve(name);
        Path to = dir.resolve(name);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** Every file under {@code dir} and its bytes, by relative path. */
    public static Map<String, byte[]> tree(Path dir) {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Asserts two trees hold the same files with the same bytes. */
    public static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "files");
        expected.forEach((k, v) -> assertEquals(new String(v, StandardCharsets.ISO_8859_1),
                new String(actual.get(k), StandardCharsets.ISO_8859_1), k + " differs"));
    }

    /** Compares {@code actual} with the golden {@code <TestClass>-<method>.<ext>} next to the test's package. */
    public static void assertGolden(Class<?> test, String method, String ext, String actual) {
        String name = test.getSimpleName() + "-" + method + "." + ext;
        if (Boolean.getBoolean("oasm.golden.update")) {
            Path src = Path.of("src/test/resources", test.getPackageName().replace('.', '/'), name);
            try {
                Files.createDirectories(src.getParent());
                Files.writeString(src, actual);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = test.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + name + " (run with -Doasm.golden.update=true to write it)");
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(Samples.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
