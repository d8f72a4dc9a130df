package org.oasm.formats.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentException;
import tools.jackson.databind.JsonNode;

/**
 * Writes a document tree (see the package documentation) as a new HDF5 file with jHDF 0.13. The
 * whole tree is checked first ({@link Hdf5Plan}), so a document that cannot be written fails
 * before the file is created. Limits of jHDF 0.13, which this writer refuses clearly rather than
 * work around: no dataset or attribute with a zero in its shape; each dataset written from one
 * Java array (at most 2^31-1 elements per dimension, held in the heap); booleans stored as an
 * 8-bit bitfield ({@code H5T_STD_B8LE}), which h5py reads as {@code uint8} 0/1; strings stored
 * fixed-length UTF-8, null-terminated, so text with U+0000 is refused; names of members and
 * attributes in printable ASCII only (jHDF 0.13 writes other names so that h5dump cannot open
 * the file). Every file is read back in full before it is kept: jHDF 0.13 writes some layouts
 * with empty groups as files nobody can open, and those are refused.
 */
public final class Hdf5Writer {

    private static final Set<String> GROUP_KEYS = Set.of("kind", "attributes", "members");
    private static final Set<String> DATASET_KEYS = Set.of("kind", "dtype", "shape", "attributes", "data");

    private final Context context;

    private Hdf5Writer(Context context) {
        this.context = context;
    }

    /** Writes {@code doc} to {@code target}, which must not exist yet (jHDF writes new files). */
    public static void write(JsonNode doc, Path target, Context context) {
        Hdf5Writer w = new Hdf5Writer(context);
        Planned root = w.plan(doc, "");
        try (WritableHdfFile file = HdfFile.write(target)) {
            w.emit(root, file);
            file.removeAttribute(Hdf5Reader.JHDF_STAMP);
        }
        readBack(target, context);
    }

    /**
     * Reads the new file back in full. jHDF 0.13 writes some layouts (seen with an empty group
     * beside a dataset) as files that neither it nor h5dump can open; such a file is refused here,
     * before it is renamed into place, rather than left for the user to find.
     */
    private static void readBack(Path target, Context context) {
        Context check = new Context(target.toString(), context.limits(), true);
        try {
            Hdf5Reader.read(target, check, new org.oasm.formats.document.TreeSink());
        } catch (DocumentException e) {
            throw new DocumentException(context.name() + ": jHDF 0.13 wrote this tree as an HDF5 file it cannot read"
                    + " back (a jHDF fault seen with empty groups beside datasets; giving each group a member avoids it);"
                    + " nothing was written");
        }
    }

    /** A checked node, ready to write. */
    private sealed interface Planned permits PlannedGroup, PlannedDataset {
    }

    private record PlannedGroup(List<Map.Entry<String, Object>> attributes, List<Map.Entry<String, Planned>> members)
            implements Planned {
    }

    private record PlannedDataset(Hdf5Plan.Data data, List<Map.Entry<String, Object>> attributes) implements Planned {
    }

    private DocumentException refuse(String pointer, String problem) {
        return new DocumentException(context.name() + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + problem);
    }

    private Planned plan(JsonNode node, String pointer) {
        if (!node.isObject()) {
            throw refuse(pointer, "an HDF5 node must be an object {\"kind\": \"group\"|\"dataset\", ...}; found "
                    + node.getNodeType().name().toLowerCase());
        }
        String kind = node.path("kind").asString("");
        Set<String> allowed = switch (kind) {
            case "group" -> GROUP_KEYS;
            case "dataset" -> DATASET_KEYS;
            default -> throw refuse(pointer, pointer.isEmpty() && kind.isEmpty()
                    ? "not an HDF5 document tree: the top level must be {\"kind\": \"group\", \"attributes\": {...}, \"members\": {...}}"
                    : "\"kind\" must be \"group\" or \"dataset\", found " + node.path("kind"));
        };
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!allowed.contains(e.getKey())) {
                throw refuse(pointer, "unknown member \"" + e.getKey() + "\" of a " + kind);
            }
        }
        if (pointer.isEmpty() && !kind.equals("group")) {
            throw refuse(pointer, "the top level of an HDF5 file is a group, found a dataset");
        }
        List<Map.Entry<String, Object>> attributes = attributes(node.path("attributes"), pointer + "/attributes");
        if (kind.equals("group")) {
            List<Map.Entry<String, Planned>> members = new ArrayList<>();
            JsonNode m = node.path("members");
            if (!m.isMissingNode() && !m.isObject()) {
                throw refuse(pointer + "/members", "members must be an object");
            }
            for (Map.Entry<String, JsonNode> e : m.properties()) {
                String name = e.getKey();
                String p = pointer + "/members/" + name.replace("~", "~0").replace("/", "~1");
                checkName(name, p);
                members.add(Map.entry(name, plan(e.getValue(), p)));
            }
            return new PlannedGroup(attributes, members);
        }
        Dtype dt = Dtype.parse(node.path("dtype").asString(""));
        if (dt == null) {
            throw refuse(pointer + "/dtype", "dtype must be one of int8, int16, int32, int64, uint8, uint16, uint32, uint64,"
                    + " float32, float64, string, bool; found " + node.path("dtype"));
        }
        Hdf5Plan plan = new Hdf5Plan(context, pointer);
        return new PlannedDataset(plan.data(dt, node.path("shape"), node.path("data")), attributes);
    }

    private List<Map.Entry<String, Object>> attributes(JsonNode attrs, String pointer) {
        List<Map.Entry<String, Object>> out = new ArrayList<>();
        if (attrs.isMissingNode()) {
            return out;
        }
        if (!attrs.isObject()) {
            throw refuse(pointer, "attributes must be an object");
        }
        for (Map.Entry<String, JsonNode> e : attrs.properties()) {
            String p = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
            checkName(e.getKey(), p);
            if (e.getKey().equals(Hdf5Reader.JHDF_STAMP)) {
                throw refuse(p, "the attribute name _jHDF is reserved by jHDF");
            }
            out.add(Map.entry(e.getKey(), new Hdf5Plan(context, p).attribute(e.getValue())));
        }
        return out;
    }

    /** HDF5 names: not empty, no '/', not '.'; ASCII only, as jHDF 0.13 writes other names so h5dump cannot read the file. */
    private void checkName(String name, String pointer) {
        if (name.isEmpty() || name.contains("/") || name.equals(".")) {
            throw refuse(pointer, "\"" + name + "\" is not a valid HDF5 name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                throw refuse(pointer, "HDF5 name \"" + name + "\": jHDF 0.13 writes only printable ASCII names correctly");
            }
        }
    }

    private void emit(Planned node, WritableGroup into) {
        PlannedGroup g = (PlannedGroup) node;
        putAttributes(into, g.attributes());
        for (Map.Entry<String, Planned> m : g.members()) {
            if (m.getValue() instanceof PlannedGroup) {
                emit(m.getValue(), into.putGroup(m.getKey()));
            } else {
                PlannedDataset d = (PlannedDataset) m.getValue();
                WritableDataset ds = d.data().unsigned()
                        ? into.putDataset(m.getKey(), d.data().array(), DatasetCreationOptions.builder().unsigned().build())
                        : into.putDataset(m.getKey(), d.data().array());
                putAttributes(ds, d.attributes());
            }
        }
    }

    private static void putAttributes(WritableNode node, List<Map.Entry<String, Object>> attributes) {
        for (Map.Entry<String, Object> a : attributes) {
            if (a.getValue() instanceof Hdf5Plan.Data data) {
                node.putAttribute(a.getKey(), data.array(), data.unsigned());
            } else {
                node.putAttribute(a.getKey(), a.getValue());
            }
        }
    }
}
