package org.oasm.cockpit.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oasm.bridge.Bindings;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.schema.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The bridge's bindings manifest is a valid bindings_manifest and names every shipped module. */
class BindingsManifestTest {

    @TempDir
    Path dir;

    @Test
    void bundledBindingsValidateAgainstTheirSchema() throws IOException {
        JsonNode doc;
        try (InputStream in = Bindings.class.getClassLoader().getResourceAsStream("org/oasm/bridge/python/bindings.yaml")) {
            doc = YAMLMapper.builder().build().readTree(in);
        }
        List<Violation> problems = SchemaRegistry.open(new OasmRoot(dir).create()).validate(doc, "bindings_manifest");
        assertEquals(List.of(), problems);
        assertEquals(List.of("analysis_viz", "pattern_lab", "semi_fixers"), Bindings.bundled().ids());
        for (String id : Bindings.bundled().ids()) {
            String resource = Bindings.bundled().get(id).orElseThrow().resource();
            try (InputStream in = Bindings.class.getClassLoader().getResourceAsStream(resource)) {
                assertEquals(true, in != null, resource);
            }
        }
    }
}
