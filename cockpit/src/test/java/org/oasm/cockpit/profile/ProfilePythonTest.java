package org.oasm.cockpit.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmRoot;

/** {@code python.preload} in shell_profile.yaml: off by default, read when given, refused when not a boolean. */
class ProfilePythonTest {

    @TempDir
    Path dir;

    @Test
    void preloadIsOffUnlessTheProfileAsks() throws IOException {
        OasmRoot root = new OasmRoot(dir).create();
        assertFalse(ProfileLoader.load(root).profile().pythonPreload());
        Files.writeString(root.shellProfile(), "python:\n  preload: true\n");
        assertTrue(ProfileLoader.load(root).profile().pythonPreload());
        Files.writeString(root.shellProfile(), "python:\n  preload: sometimes\n");
        ProfileLoader.Loaded bad = ProfileLoader.load(root);
        assertFalse(bad.profile().pythonPreload());
        assertTrue(bad.problem().orElseThrow().contains("python.preload"), bad.problem().get());
        assertEquals(ShellProfile.DEFAULTS, bad.profile());
    }
}
