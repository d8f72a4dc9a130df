package org.oasm.cockpit.command;

import java.nio.file.Files;
import java.util.List;
import org.oasm.formats.manifest.Manifest;
import org.oasm.formats.manifest.ManifestLoader;
import org.oasm.formats.manifest.ManifestReport;
import org.oasm.formats.manifest.Problem;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.schema.Violation;

/** {@code oasm manifest [show|validate]} and {@code oasm schemas list|show|validate}: the registry. */
final class ManifestCommands {

    private ManifestCommands() {
    }

    static List<OasmCommand> all() {
        return List.of(new Show("manifest"), new Show("manifest show"), new Validate(), new SchemasList(),
                new SchemasShow(), new SchemasValidate());
    }

    static final class Show extends OasmCommand {
        Show(String name) {
            super(name, "Schemas and manifest", "the master manifest: its schemas and modules", "", 0, 0,
                    List.of(OptionSpec.value("format", "FORMAT", "text or json")));
        }

        @Override
        protected int run(Invocation inv) {
            ManifestReport report = ManifestLoader.load(inv.services().root());
            Manifest m = report.manifest();
            if (inv.format("text", "json").equals("json")) {
                inv.out().println(Json.write(Json.object("version", m.version(),
                        "schemas", m.schemas().stream().map(s -> Json.object("id", s.id(), "path", s.path(),
                                "format", s.format(), "purpose", s.purpose())).toList(),
                        "modules", m.modules().stream().map(mo -> Json.object("id", mo.id(), "name", mo.name(),
                                "type", mo.type(), "language", mo.language(), "entry_point", mo.entryPoint())).toList(),
                        "problems", report.problems().stream().map(Problem::toString).toList())));
                return report.ok() ? 0 : 1;
            }
            inv.out().println("master manifest " + m.version() + ": " + m.schemas().size() + " schemas, "
                    + m.modules().size() + " modules");
            inv.out().println("\nschemas:");
            m.schemas().forEach(s -> inv.out().printf("  %-22s %-6s %s%n", s.id(), s.format(), s.purpose()));
            inv.out().println("\nmodules:");
            m.modules().forEach(mo -> inv.out().printf("  %-16s %-8s %-6s %s%n", mo.id(), mo.type(), mo.language(),
                    mo.entryPoint()));
            report.problems().forEach(p -> inv.err().println("oasm: " + p));
            return report.ok() ? 0 : 1;
        }
    }

    static final class Validate extends OasmCommand {
        Validate() {
            super("manifest validate", "Schemas and manifest",
                    "check every schema and manifest; report every problem with file and line", "", 0, 0, List.of());
        }

        @Override
        protected int run(Invocation inv) {
            ManifestReport report = ManifestLoader.load(inv.services().root());
            report.problems().forEach(p -> inv.err().println("oasm: " + p));
            if (report.ok()) {
                inv.out().println("manifest valid: " + report.manifest().schemas().size() + " schemas, "
                        + report.manifest().modules().size() + " modules");
                return 0;
            }
            return 1;
        }
    }

    static final class SchemasList extends OasmCommand {
        SchemasList() {
            super("schemas list", "Schemas and manifest", "the registered schemas", "", 0, 0,
                    List.of(OptionSpec.value("format", "FORMAT", "text or json")));
        }

        @Override
        protected int run(Invocation inv) {
            SchemaRegistry r = SchemaRegistry.open(inv.services().root());
            if (inv.format("text", "json").equals("json")) {
                inv.out().println(Json.array(r.ids().stream().map(id -> Json.object("id", id, "uri",
                        SchemaRegistry.uri(id), "location", r.location(id))).toList()));
                return 0;
            }
            r.ids().forEach(id -> inv.out().printf("%-22s %s%n", id, r.location(id)));
            return 0;
        }
    }

    static final class SchemasShow extends OasmCommand {
        SchemasShow() {
            super("schemas show", "Schemas and manifest", "print one schema", "ID", 1, 1, List.of());
        }

        @Override
        protected int run(Invocation inv) throws Exception {
            SchemaRegistry r = SchemaRegistry.open(inv.services().root());
            String id = inv.argument(0, "ID");
            if (!r.contains(id)) {
                throw new CommandFailure("schemas show: no schema '" + id + "' (see: oasm schemas list)");
            }
            String location = r.location(id);
            var own = inv.services().root().dir().resolve(location);
            if (Files.isRegularFile(own)) {
                inv.out().print(Files.readString(own));
            } else {
                try (var in = inv.services().root().openData(location).orElseThrow()) {
                    inv.out().write(in.readAllBytes());
                }
            }
            return 0;
        }
    }

    static final class SchemasValidate extends OasmCommand {
        SchemasValidate() {
            super("schemas validate", "Schemas and manifest", "validate a YAML, JSON or CBOR file against a schema",
                    "FILE --schema ID", 1, 1, List.of(OptionSpec.value("schema", "ID", "the schema to validate against")));
        }

        @Override
        protected int run(Invocation inv) {
            String id = inv.option("schema").orElseThrow(() -> new UsageError("oasm schemas validate: --schema ID is required"));
            SchemaRegistry r = SchemaRegistry.open(inv.services().root());
            if (!r.contains(id)) {
                throw new CommandFailure("schemas validate: no schema '" + id + "' (see: oasm schemas list)");
            }
            var file = inv.path(inv.argument(0, "FILE"));
            List<Problem> problems = ManifestLoader.validateFile(r, file, id);
            problems.forEach(p -> inv.out().println(p.message().startsWith(p.file()) ? p.message() : p.toString()));
            if (problems.isEmpty()) {
                inv.out().println(inv.argument(0, "FILE") + ": valid against " + id);
                return 0;
            }
            return 1;
        }
    }

    static String describe(Violation v) {
        return v.jsonPointer() + ": " + v.message();
    }
}
