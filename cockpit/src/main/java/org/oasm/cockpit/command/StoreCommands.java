package org.oasm.cockpit.command;

import java.nio.file.Path;
import java.util.List;
import org.oasm.formats.store.ArtifactInfo;
import org.oasm.formats.store.ArtifactRef;
import org.oasm.formats.store.Category;
import org.oasm.formats.store.PutResult;
import org.oasm.formats.store.StoreProblem;

/** {@code oasm store put|get|list|verify}: the immutable HDF5 artifact store. */
final class StoreCommands {

    private StoreCommands() {
    }

    static List<OasmCommand> all() {
        return List.of(new Put(), new Get(), new ListArtifacts(), new Verify());
    }

    static final class Put extends OasmCommand {
        Put() {
            super("store put", "Artifact store", "store a file as an immutable HDF5 artifact", "FILE --as NAME/vVERSION", 1, 1,
                    List.of(OptionSpec.value("as", "NAME/vVERSION", "name and version to store it under"),
                            OptionSpec.value("category", "CATEGORY", "templates, baselines or snapshots (default: from the name)")));
        }

        @Override
        protected int run(Invocation inv) {
            String as = inv.option("as").orElseThrow(() -> new UsageError("oasm store put: --as NAME/vVERSION is required"));
            Path file = inv.path(inv.argument(0, "FILE"));
            String actor = inv.services().actor();
            PutResult r = inv.option("category").isPresent()
                    ? inv.services().store().put(file, as, Category.parse(inv.option("category").get()), actor)
                    : inv.services().store().put(file, as, actor);
            ArtifactInfo i = r.info();
            inv.notes().hdf5Reference(i.ref().toString()).put("sha256", i.sha256());
            inv.out().println((r.alreadyStored() ? "already stored " : "stored ") + i.ref() + "  " + i.size()
                    + " bytes  sha256:" + i.sha256());
            return 0;
        }
    }

    static final class Get extends OasmCommand {
        Get() {
            super("store get", "Artifact store", "write a stored artifact's bytes to stdout or a file", "REF", 1, 1,
                    List.of(OptionSpec.value("output", 'o', "OUT", "write to this file instead of stdout")));
        }

        @Override
        protected int run(Invocation inv) throws Exception {
            ArtifactRef ref = ArtifactRef.parse(inv.argument(0, "REF"));
            inv.notes().hdf5Reference(ref.toString());
            if (inv.option("output").isPresent()) {
                Path out = inv.services().store().get(ref, inv.path(inv.option("output").get()));
                inv.err().println("wrote " + out);
            } else {
                inv.out().write(inv.services().store().get(ref));
            }
            return 0;
        }
    }

    static final class ListArtifacts extends OasmCommand {
        ListArtifacts() {
            super("store list", "Artifact store", "list stored artifacts", "", 0, 0,
                    List.of(OptionSpec.value("format", "FORMAT", "text or json")));
        }

        @Override
        protected int run(Invocation inv) {
            String format = inv.format("text", "json");
            List<ArtifactInfo> all = inv.services().store().list();
            if (format.equals("json")) {
                inv.out().println(Json.array(all.stream().map(i -> Json.object(
                        "ref", i.ref().toString(), "category", i.category().folder(), "size", i.size(),
                        "sha256", i.sha256(), "media_type", i.mediaType(), "created", i.created().toString(),
                        "actor", i.actor(), "original_name", i.originalName())).toList()));
                return 0;
            }
            for (ArtifactInfo i : all) {
                inv.out().printf("%-40s %-10s %10d  %s  %s%n", i.ref(), i.category().folder(), i.size(),
                        i.sha256().substring(0, 12), i.created());
            }
            return 0;
        }
    }

    static final class Verify extends OasmCommand {
        Verify() {
            super("store verify", "Artifact store", "re-hash every artifact and name what was tampered with", "", 0, 0, List.of());
        }

        @Override
        protected int run(Invocation inv) {
            List<StoreProblem> problems = inv.services().store().verify();
            for (StoreProblem p : problems) {
                inv.err().println("oasm: store verify: " + p);
            }
            if (problems.isEmpty()) {
                inv.out().println("store verified: " + inv.services().store().list().size() + " artifacts intact");
                return 0;
            }
            return 1;
        }
    }
}
