package org.oasm.formats.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oasm.formats.root.OasmRoot;

/** The schemas of the repository are valid 2020-12 schemas, with every field described. */
class SchemaFilesTest {

    static final OasmRoot REPO = new OasmRoot(Path.of("").toAbsolutePath().getParent());

    @Test
    void everySchemaOfTheRepositoryIsAValid202012Schema() {
        SchemaRegistry registry = SchemaRegistry.open(REPO);
        assertEquals(22, registry.ids().size(), registry.ids().toString());
        for (String id : registry.ids()) {
            assertEquals(List.of(), registry.check(id), id);
            assertTrue(registry.location(id).startsWith(REPO.dir().toString()), registry.location(id));
        }
    }

    @Test
    void everyPropertyHasADescription() {
        SchemaRegistry registry = SchemaRegistry.open(REPO);
        for (String id : registry.ids()) {
            var document = registry.document(id);
            document.lines().keySet().stream()
                    .filter(pointer -> pointer.matches(".*/properties/[^/]+"))
                    .forEach(pointer -> assertTrue(
                            document.root().at(pointer).has("description") || isConstraintOnly(document, pointer),
                            id + " " + pointer + " has no description"));
        }
    }

    /** if/then and oneOf branches restate a property only to constrain it. */
    private static boolean isConstraintOnly(LocatedDocument document, String pointer) {
        return pointer.contains("/if/") || pointer.contains("/oneOf/");
    }
}
