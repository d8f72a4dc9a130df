package org.oasm.cockpit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Globs as rules and command blocks write them; the shapes matched without a regex must agree with it. */
class GlobTest {

    private static final List<String> GLOBS = List.of("**/*.py", "**/test_*.py", "**/*_test.py", "**/conftest.py",
            "**/__init__.py", "**/target/**", "**/node_modules/**", "**/a*b*c", "**/*", "**/x**y", "src/**/*.rs",
            "*.md", "Cargo.toml", "**/t?st.py", "**/[ab].py", "**/lib/*.rs", "docs/**");

    private static final List<String> PATHS = List.of("a.py", "src/a.py", "src/test_a.py", "test_.py", "test_a.pyc",
            "x/conftest.py", "conftest.py", "myconftest.py", "pkg/__init__.py", "target/debug/x.rs", "a/target/x",
            "target", "targets/x", "a/mytarget/x", "abc", "d/aXbYc", "d/acb", "d/ab", "src/x/y/b.rs", "src/b.rs",
            "README.md", "docs/README.md", "Cargo.toml", "x/Cargo.toml", "t/tst.py", "tast.py", "a.py.bak",
            "x/a_test.py", "_test.py", "lib/a.rs", "x/lib/a.rs", "docs/a/b", "docs", "xy", "dir/x/y", "xay");

    @Test
    void everyShapeAgreesWithTheRegex() {
        for (String g : GLOBS) {
            Pattern reference = Pattern.compile(Glob.toRegex(g));
            for (String p : PATHS) {
                assertEquals(reference.matcher(p).matches(), Glob.of(g).matches(p), g + " on " + p);
            }
        }
    }

    @Test
    void examples() {
        assertTrue(Glob.of("**/test_*.py").matches("tests/test_io.py"));
        assertFalse(Glob.of("**/test_*.py").matches("tests/io_test.py"));
        assertTrue(Glob.of("**/target/**").matches("crate/target/debug/main.rs"));
        assertFalse(Glob.of("**/target/**").matches("crate/targets/main.rs"));
        assertTrue(Glob.of("./src/**/*.rs").matches("src/a.rs"));
    }
}
