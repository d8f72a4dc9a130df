package org.oasm.formats.manifest;

import java.util.List;

/**
 * The master manifest as data: the schemas of the registry and the modules of the project, each
 * with the line it starts on so that later checks can point at it.
 */
public record Manifest(String version, List<SchemaEntry> schemas, List<ModuleEntry> modules) {

    public Manifest {
        schemas = List.copyOf(schemas);
        modules = List.copyOf(modules);
    }

    /** An empty manifest, what a manifest that does not parse amounts to. */
    public static Manifest empty() {
        return new Manifest("", List.of(), List.of());
    }

    /** One entry of {@code schemas:}. */
    public record SchemaEntry(String id, String path, String format, String purpose, int line) {
    }

    /** One entry of {@code modules:}. */
    public record ModuleEntry(String id, String name, String type, String language, String entryPoint,
                              boolean autoStart, String purpose, List<String> capabilities,
                              List<String> dependsOn, int line) {

        public ModuleEntry {
            capabilities = List.copyOf(capabilities);
            dependsOn = List.copyOf(dependsOn);
        }
    }
}
