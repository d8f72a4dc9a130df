package org.oasm.formats.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** A realistic instance of each schema that no record writer produces validates; broken ones do not. */
class SchemaExamplesTest {

    static SchemaRegistry registry;

    @BeforeAll
    static void open() {
        registry = SchemaRegistry.open(SchemaFilesTest.REPO);
    }

    static LocatedDocument example(String id) throws Exception {
        try (InputStream in = SchemaExamplesTest.class.getResourceAsStream("examples/" + id + ".yaml")) {
            return LocatedDocument.read(id + ".yaml", in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"oasm_config", "oasm_protocol", "cli_state", "diagnostic_index", "bindings_manifest",
        "smartobject_container", "scan_template", "workflow_template", "hdf5_template", "cbor_runtime",
        "yaml_overlay", "working_copy", "command_block", "rule"})
    void exampleValidates(String id) throws Exception {
        assertEquals(List.of(), registry.validate(example(id).root(), id));
    }

    @Test
    void aCommandBlockStepMustBeExactlyOneKind() throws Exception {
        ObjectNode block = (ObjectNode) example("command_block").root();
        ((ObjectNode) block.get("steps").get(0)).putObject("run").put("command", "true");
        List<Violation> violations = registry.validate(block, "command_block");
        assertFalse(violations.isEmpty());
        assertEquals("/steps/0", violations.getFirst().jsonPointer(), violations.toString());
    }

    @Test
    void aWorkingCopyNeedsItsSourceKind() throws Exception {
        ObjectNode copy = (ObjectNode) example("working_copy").root();
        copy.put("source_kind", "store");
        assertFalse(registry.validate(copy, "working_copy").isEmpty());
    }

    @Test
    void aProtocolErrorNeedsItsError() throws Exception {
        ObjectNode message = (ObjectNode) example("oasm_protocol").root();
        message.put("kind", "error");
        List<Violation> violations = registry.validate(message, "oasm_protocol");
        assertFalse(violations.isEmpty());
    }
}
