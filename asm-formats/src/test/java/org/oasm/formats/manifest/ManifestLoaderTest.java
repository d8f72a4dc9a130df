package org.oasm.formats.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;

class ManifestLoaderTest {

    static final OasmRoot REPO = new OasmRoot(Path.of("").toAbsolutePath().getParent());

    @Test
    void theRepositorysManifestsAreValid() {
        ManifestReport report = ManifestLoader.load(REPO);
        assertEquals(List.of(), report.problems());
        assertEquals(22, report.manifest().schemas().size());
        assertEquals(List.of("substrate", "asm-formats", "polyglot-bridge", "cockpit"),
                report.manifest().modules().stream().map(Manifest.ModuleEntry::id).toList());
        assertTrue(report.manifest().modules().stream().allMatch(m -> m.language().equals("Java")));
    }

    @Test
    void theBundledManifestsAreValidForAnEmptyRoot(@TempDir Path dir) {
        ManifestReport report = ManifestLoader.load(new OasmRoot(dir));
        assertEquals(List.of(), report.problems());
        assertEquals(22, report.manifest().schemas().size());
    }

    @Test
    void everyProblemIsReportedTogetherWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("manifests"));
        Files.createDirectories(dir.resolve("schemas"));
        Path manifest = dir.resolve("manifests/master_manifest.yaml");
        Files.writeString(manifest, """
                version: "1.0"
                schemas:
                  - id: shell_profile
                    path: schemas/shell_profile_schema.yaml
                    format: YAML
                    purpose: profile
                  - id: shell_profile
                    path: schemas/shell_profile_schema.yaml
                    format: YAML
                    purpose: the same id again
                  - id: ghost
                    path: schemas/ghost_schema.yaml
                    format: YAML
                    purpose: a file that is not there
                  - id: broken
                    path: schemas/broken_schema.yaml
                    format: YAML
                    purpose: not a valid schema
                  - id: garbled
                    path: schemas/garbled_schema.yaml
                    format: YAML
                    purpose: not even YAML
                modules:
                  - id: cockpit
                    name: cockpit
                    type: application
                    entry_point: org.oasm.cockpit.Main
                    auto_start: true
                    purpose: the shell
                    capabilities: [interactive_shell]
                """);
        Files.writeString(dir.resolve("schemas/broken_schema.yaml"), """
                $schema: https://json-schema.org/draft/2020-12/schema
                $id: https://oasm.dev/schemas/broken
                type: object
                properties:
                  a:
                    type: 5
                """);
        Files.writeString(dir.resolve("schemas/garbled_schema.yaml"), "a: [1, 2\nb: }\n");
        Files.writeString(dir.resolve("shell_profile.yaml"), "prompt: '> '\n\nhistory_size: many\n");

        ManifestReport report = ManifestLoader.load(new OasmRoot(dir));
        String m = manifest.toString();
        List<String> printed = report.problems().stream().map(Problem::toString).toList();
        assertContains(printed, m + ":7: duplicate schema id 'shell_profile' (first at line 3)");
        assertContains(printed, m + ":12: schemas/ghost_schema.yaml: file not found");
        assertContains(printed, dir.resolve("schemas/broken_schema.yaml") + ":6: /properties/a/type: ");
        assertContains(printed, dir.resolve("schemas/garbled_schema.yaml") + ":");
        assertContains(printed, m + ":24: /modules/0: required property 'language' not found");
        assertContains(printed, dir.resolve("shell_profile.yaml") + ":3: /history_size: ");
        assertTrue(printed.size() >= 6, printed.toString());
    }

    @Test
    void aManifestThatDoesNotParseIsOneProblemWithItsLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("manifests"));
        Files.writeString(dir.resolve("manifests/master_manifest.yaml"), "version: 1\nschemas: [\n  - a\n");
        ManifestReport report = ManifestLoader.load(new OasmRoot(dir));
        assertEquals(1, report.problems().size(), report.problems().toString());
        Problem problem = report.problems().getFirst();
        assertEquals(dir.resolve("manifests/master_manifest.yaml").toString(), problem.file());
        assertTrue(problem.line() >= 2 && problem.message().startsWith("column "), problem.toString());
        assertTrue(problem.message().contains("expected"), problem.toString());
        assertTrue(report.manifest().schemas().isEmpty());
    }

    @Test
    void validateFileGivesPointersAndLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.json");
        Files.writeString(file, "{\n  \"prompt\": \"> \",\n  \"log_level\": \"loud\"\n}\n");
        List<Problem> problems = ManifestLoader.validateFile(SchemaRegistry.open(REPO), file, "shell_profile");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(3, problems.getFirst().line());
        assertTrue(problems.getFirst().message().startsWith("/log_level: "), problems.toString());
    }

    @Test
    void validateFileReadsCborWithoutLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.cbor");
        Files.write(file, tools.jackson.dataformat.cbor.CBORMapper.builder().build()
                .writeValueAsBytes(java.util.Map.of("prompt", "> ", "history_size", -1)));
        List<Problem> problems = ManifestLoader.validateFile(SchemaRegistry.open(REPO), file, "shell_profile");
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(0, problems.getFirst().line());
        assertEquals(file + ": /history_size: must have a minimum value of 0", problems.getFirst().toString());
    }

    private static void assertContains(List<String> printed, String prefix) {
        assertTrue(printed.stream().anyMatch(p -> p.startsWith(prefix)),
                "no problem starting with\n  " + prefix + "\nin\n  " + String.join("\n  ", printed));
    }
}
