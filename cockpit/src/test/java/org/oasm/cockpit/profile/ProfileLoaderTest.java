package org.oasm.cockpit.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmRoot;

class ProfileLoaderTest {

    @TempDir
    Path dir;

    private ProfileLoader.Loaded load(String yaml) throws IOException {
        OasmRoot root = new OasmRoot(dir).create();
        Files.writeString(root.shellProfile(), yaml);
        return ProfileLoader.load(root);
    }

    @Test
    void everyFieldIsRead() throws IOException {
        ProfileLoader.Loaded l = load("""
                prompt: "{cwd}> "
                aliases: {ll: ls -l}
                environment:
                  EDITOR: vi
                  PORT: 8080
                history_size: 50
                log_level: debug
                provenance: {enabled: false, cbor: true}
                """);
        assertEquals(Optional.empty(), l.problem());
        assertEquals(new ShellProfile("{cwd}> ", Map.of("ll", "ls -l"), Map.of("EDITOR", "vi", "PORT", "8080"), 50,
                "debug", false, true, false), l.profile());
    }

    @Test
    void missingFieldsKeepTheirDefaults() throws IOException {
        assertEquals(ShellProfile.DEFAULTS, load("").profile());
        ShellProfile p = load("history_size: 7\n").profile();
        assertEquals(7, p.historySize());
        assertEquals(ShellProfile.DEFAULTS.prompt(), p.prompt());
    }

    @Test
    void theBundledProfileIsUsedWhenTheRootHasNone() {
        ProfileLoader.Loaded l = ProfileLoader.load(new OasmRoot(dir).create());
        assertEquals(Optional.empty(), l.problem());
        assertEquals("ls -l", l.profile().aliases().get("ll"));
    }

    @Test
    void malformedYamlGivesOneLineNamingTheFileAndTheDefaults() throws IOException {
        ProfileLoader.Loaded l = load("prompt: \"unclosed\naliases: [\n");
        assertEquals(ShellProfile.DEFAULTS, l.profile());
        String m = l.problem().orElseThrow();
        assertTrue(m.startsWith(dir.resolve("shell_profile.yaml") + ": "), m);
        assertTrue(m.contains("(line "), m);
        assertTrue(m.endsWith("; using the default profile"), m);
        assertEquals(1, m.lines().count(), m);
    }

    @Test
    void wrongTypesAreNamed() throws IOException {
        assertEquals(Optional.of(dir.resolve("shell_profile.yaml") + ": history_size: expected a whole number >= 0, found \"many\"; using the default profile"),
                load("history_size: many\n").problem());
        assertEquals(Optional.of(dir.resolve("shell_profile.yaml") + ": provenance.enabled: expected true or false, found \"yes\"; using the default profile"),
                load("provenance: {enabled: \"yes\"}\n").problem());
        assertEquals(Optional.of(dir.resolve("shell_profile.yaml") + ": aliases: expected a mapping of names to strings; using the default profile"),
                load("aliases: [a, b]\n").problem());
        assertEquals(Optional.of(dir.resolve("shell_profile.yaml") + ": expected a mapping at the top level; using the default profile"),
                load("- just\n- a list\n").problem());
        assertTrue(load("a: 1\na: 2\n").problem().orElseThrow().contains("duplicate key"));
    }
}
