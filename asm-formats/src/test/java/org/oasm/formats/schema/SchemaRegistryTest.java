package org.oasm.formats.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaRegistryTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void aRootWithoutSchemasUsesTheBundledOnes(@TempDir Path dir) {
        SchemaRegistry registry = SchemaRegistry.open(new OasmRoot(dir));
        assertTrue(registry.ids().contains("execution_log"), registry.ids().toString());
        assertTrue(registry.location("execution_log").startsWith("jar:oasm/schemas/"));
    }

    @Test
    void refsAcrossSchemasResolveAndViolationsAreJsonPointers(@TempDir Path dir) {
        SchemaRegistry registry = SchemaRegistry.open(new OasmRoot(dir));
        JsonNode record = json("""
                {"timestamp":"2026-11-25T08:00:00Z","run_id":"0b6f6c1e-8f5e-4a47-9a5e-2b1d4c3e5f60","seq":1,
                 "actor":{"type":"Human","username":"ada"},"log_level":"Info","phase":"Execute",
                 "status":"Started","duration_ms":null}""");
        assertEquals(List.of(), registry.validate(record, "execution_log"));

        JsonNode bad = json("""
                {"timestamp":"2026-11-25T08:00:00Z","run_id":"0b6f6c1e-8f5e-4a47-9a5e-2b1d4c3e5f60","seq":-1,
                 "actor":{"type":"Robot"},"log_level":"Info","phase":"Execute","status":"Started",
                 "duration_ms":null,"extra":1}""");
        List<Violation> violations = registry.validate(bad, "execution_log");
        List<String> pointers = violations.stream().map(Violation::jsonPointer).distinct().sorted().toList();
        assertTrue(pointers.containsAll(List.of("/seq", "/actor")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.message().contains("extra")), violations.toString());
    }

    @Test
    void theRootsOwnSchemaWinsOverTheBundledOne(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/shell_profile_schema.yaml"), """
                $schema: https://json-schema.org/draft/2020-12/schema
                $id: https://oasm.dev/schemas/shell_profile
                type: object
                required: [motd]
                """);
        SchemaRegistry registry = SchemaRegistry.open(new OasmRoot(dir));
        List<Violation> violations = registry.validate(json("{\"prompt\":\"> \"}"), "shell_profile");
        assertEquals(1, violations.size(), violations.toString());
        assertEquals("", violations.getFirst().jsonPointer());
        assertTrue(violations.getFirst().message().contains("motd"));
    }

    @Test
    void anInvalidSchemaIsReportedByCheck(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/broken_schema.yaml"), """
                $schema: https://json-schema.org/draft/2020-12/schema
                $id: https://oasm.dev/schemas/broken
                type: 5
                properties:
                  a:
                    $ref: nowhere_to_be_found
                """);
        SchemaRegistry registry = SchemaRegistry.open(new OasmRoot(dir));
        List<Violation> violations = registry.check("broken");
        assertTrue(violations.stream().anyMatch(v -> v.jsonPointer().equals("/type")), violations.toString());
    }

    @Test
    void anUnknownIdIsAUsageError(@TempDir Path dir) {
        SchemaRegistry registry = SchemaRegistry.open(new OasmRoot(dir));
        OasmException e = assertThrows(OasmException.class, () -> registry.validate(json("{}"), "nope"));
        assertEquals(OasmException.USAGE, e.exitStatus());
        assertEquals("no schema with id 'nope' (oasm schemas list shows them)", e.getMessage());
    }

    @Test
    void aDanglingRefIsReported(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/dangling_schema.yaml"), """
                $schema: https://json-schema.org/draft/2020-12/schema
                $id: https://oasm.dev/schemas/dangling
                type: object
                properties:
                  a:
                    description: refers to a schema that does not exist
                    $ref: nowhere_to_be_found
                """);
        SchemaRegistry registry = SchemaRegistry.open(new OasmRoot(dir));
        List<Violation> violations = registry.check("dangling");
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.getFirst().message().startsWith("schema does not load"), violations.toString());
    }
}
