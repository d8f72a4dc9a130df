package org.oasm.cockpit.templates;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oasm.cockpit.bundle.DataTree;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.LocatedDocument;
import org.oasm.formats.store.ArtifactInfo;
import org.oasm.formats.store.ArtifactRef;
import org.oasm.formats.store.ArtifactStore;
import org.oasm.formats.store.Category;
import org.oasm.formats.store.StoreException;
import tools.jackson.databind.JsonNode;

/**
 * Where command blocks come from: {@code templates/command_blocks/KIND/*.yaml} under the OASM
 * root, the same folder bundled in the jar, and YAML templates kept on the templates shelf of the
 * HDF5 store. When two have the same id, the root's wins, then the store's (newest first), then
 * the jar's. A stored template carries its reference and the SHA-256 the store recorded; one whose
 * content no longer matches that hash is listed as refused and cannot be shown or executed.
 */
public final class TemplateCatalog {

    /** Where a template lives. */
    public enum Origin { ROOT, STORE, JAR }

    /**
     * One template.
     *
     * @param source  how messages name it: a root-relative path, {@code jar:oasm/templates/...} or the store reference
     * @param path    its path under {@code templates/}, or null for a stored template
     * @param ref     its store reference, or null
     * @param sha256  the SHA-256 of its content (as recorded by the store for a stored one)
     * @param refusal why it cannot be used (tampered in the store), or null
     */
    public record Entry(String id, String kind, String description, Origin origin, String source, String path,
            ArtifactRef ref, String sha256, byte[] content, String refusal) {
    }

    private final List<Entry> blocks;
    private final List<Entry> stored;
    private final List<DataTree.Entry> ruleFiles;

    private TemplateCatalog(List<Entry> blocks, List<Entry> stored, List<DataTree.Entry> ruleFiles) {
        this.blocks = List.copyOf(blocks);
        this.stored = List.copyOf(stored);
        this.ruleFiles = List.copyOf(ruleFiles);
    }

    public static TemplateCatalog open(OasmRoot root, ArtifactStore store) {
        DataTree tree = DataTree.of(root, "templates");
        List<Entry> all = new ArrayList<>();
        for (DataTree.Entry e : tree.under("command_blocks")) {
            if (e.path().endsWith(".yaml") || e.path().endsWith(".yml")) {
                byte[] bytes = e.read();
                String[] parts = e.path().split("/");
                String stem = parts[parts.length - 1].replaceFirst("\\.ya?ml$", "");
                all.add(fromContent(bytes, stem, parts.length > 2 ? parts[1] : "", e.own() ? Origin.ROOT : Origin.JAR,
                        e.name(), e.path(), null, Hashes.sha256(bytes), null));
            }
        }
        List<Entry> stored = stored(store);
        all.addAll(stored);
        Map<String, Entry> byId = new LinkedHashMap<>();
        all.stream().sorted(Comparator.comparing((Entry x) -> x.origin().ordinal())
                .thenComparing(x -> x.ref() == null ? "" : x.ref().shortForm(), Comparator.reverseOrder()))
                .forEach(x -> byId.putIfAbsent(x.id(), x));
        List<Entry> winners = new ArrayList<>(byId.values());
        winners.sort(Comparator.comparing(Entry::kind).thenComparing(Entry::id));
        List<DataTree.Entry> rules = tree.under("rules").stream()
                .filter(e -> e.path().endsWith(".yaml") || e.path().endsWith(".yml")).toList();
        return new TemplateCatalog(winners, stored, rules);
    }

    /** Every command block that wins its id, by kind and id. */
    public List<Entry> blocks() {
        return blocks;
    }

    /** The rule files under {@code templates/rules/}, by path. */
    public List<DataTree.Entry> ruleFiles() {
        return ruleFiles;
    }

    /** The block with this id, or with this store reference ({@code /artifacts/NAME/vV} or {@code NAME/vV}). */
    public Optional<Entry> find(String idOrRef) {
        for (Entry e : blocks) {
            if (e.id().equals(idOrRef)) {
                return Optional.of(e);
            }
        }
        if (idOrRef.contains("/v")) {
            try {
                ArtifactRef ref = ArtifactRef.parse(idOrRef);
                return stored.stream().filter(e -> ref.equals(e.ref())).findFirst();
            } catch (StoreException notARef) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static List<Entry> stored(ArtifactStore store) {
        List<Entry> out = new ArrayList<>();
        if (!java.nio.file.Files.isDirectory(store.folder(Category.TEMPLATES))) {
            return out;
        }
        for (ArtifactInfo info : store.list()) {
            if (info.category() != Category.TEMPLATES) {
                continue;
            }
            String name = info.originalName() == null ? "" : info.originalName();
            if (!(name.endsWith(".yaml") || name.endsWith(".yml") || info.mediaType().contains("yaml"))) {
                continue;
            }
            try {
                byte[] bytes = store.get(info.ref());
                out.add(fromContent(bytes, info.ref().name(), null, Origin.STORE, info.ref().toString(), null, info.ref(),
                        info.sha256(), null));
            } catch (StoreException e) {
                out.add(new Entry(info.ref().name(), "?", "", Origin.STORE, info.ref().toString(), null, info.ref(),
                        info.sha256(), null, e.getMessage()));
            }
        }
        return out;
    }

    private static Entry fromContent(byte[] bytes, String fallbackId, String folderKind, Origin origin, String source,
            String path, ArtifactRef ref, String sha, String refusal) {
        String id = fallbackId;
        String kind = folderKind == null ? "?" : folderKind;
        String description = "";
        try {
            JsonNode n = LocatedDocument.read(source.endsWith(".json") ? source : source + ".yaml",
                    new ByteArrayInputStream(bytes)).root();
            id = n.path("id").asString(fallbackId);
            kind = n.path("kind").asString(kind);
            description = n.path("description").asString("");
        } catch (OasmException unreadable) {
            // validate reports it with its line; the listing shows the file name
        }
        return new Entry(id, kind, description, origin, source, path, ref, sha, bytes, refusal);
    }
}
