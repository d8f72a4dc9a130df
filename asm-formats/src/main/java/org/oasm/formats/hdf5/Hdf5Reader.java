package org.oasm.formats.hdf5;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import io.jhdf.object.datatype.VariableLength;
import io.jhdf.object.message.DataLayout;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentSink;

/**
 * Reads an HDF5 file (jHDF 0.13) and pushes it as the document tree of the contract. Members and
 * attributes come in name order, as {@code h5dump} and h5py list them. Contiguous datasets larger
 * than {@link #SLICE_ELEMENTS} elements are read in slices along their first dimension, so memory
 * stays bounded by a slice; chunked ones are read whole (jHDF has no partial read for them).
 *
 * <p>h5py's booleans (an 8-bit enum {@code FALSE}/{@code TRUE}) and jHDF's (an 8-bit bitfield)
 * both read as {@code bool}; fixed- and variable-length strings as {@code string}. Types the tree
 * has no dtype for (compound, enum other than bool, references, opaque, arrays, half floats) and
 * soft or external links are refused unless {@code --lossy}, which leaves them out. The root
 * attribute {@code _jHDF} that jHDF stamps on files it writes is not part of the document.
 */
public final class Hdf5Reader {

    static final String JHDF_STAMP = "_jHDF";
    static final int SLICE_ELEMENTS = 1 << 20;

    private final Context context;
    private final DocumentSink sink;

    private Hdf5Reader(Context context, DocumentSink sink) {
        this.context = context;
        this.sink = sink;
    }

    public static void read(Path file, Context context, DocumentSink sink) {
        try (HdfFile hdf = new HdfFile(file)) {
            Hdf5Reader r = new Hdf5Reader(context, sink);
            context.location(() -> null);
            r.group(hdf, true);
            sink.finish();
        } catch (HdfException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException
                 | java.nio.BufferUnderflowException | UnsupportedOperationException e) {
            throw context.malformed("not a readable HDF5 file (truncated or damaged?): " + oneLine(e.getMessage()));
        }
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void group(Group g, boolean root) {
        sink.startObject();
        sink.key("kind");
        sink.string("group");
        sink.key("attributes");
        attributes(g, root);
        sink.key("members");
        sink.startObject();
        for (Map.Entry<String, Node> e : new TreeMap<>(g.getChildren()).entrySet()) {
            Node n = e.getValue();
            if (n.isLink()) {
                context.substituteMember(e.getKey(), "link " + n.getPath(), "nothing",
                        "HDF5 links have no place in the document tree");
                continue;
            }
            if (n instanceof Group child) {
                sink.key(e.getKey());
                group(child, false);
            } else if (n instanceof Dataset ds) {
                Dtype dt = dtype(ds.getDataType(), ds.getPath(), e.getKey());
                if (dt == null) {
                    continue;
                }
                sink.key(e.getKey());
                dataset(ds, dt);
            } else {
                context.substituteMember(e.getKey(), n.getType() + " " + n.getPath(), "nothing",
                        "HDF5 " + n.getType() + " objects have no place in the document tree");
            }
        }
        sink.endObject();
        sink.endObject();
    }

    /** The tree's dtype of an HDF5 type, or null (after a lossy substitution) when it has none. */
    private Dtype dtype(DataType t, String where, String key) {
        Dtype d = null;
        if (t instanceof FixedPoint f) {
            d = Dtype.fixed(f.getSize(), f.isSigned());
        } else if (t instanceof FloatingPoint) {
            d = t.getSize() == 4 ? Dtype.FLOAT32 : t.getSize() == 8 ? Dtype.FLOAT64 : null;
        } else if (t instanceof StringData) {
            d = Dtype.STRING;
        } else if (t instanceof VariableLength v && String.class.equals(v.getJavaType())) {
            d = Dtype.STRING;
        } else if (t instanceof BitField && t.getSize() == 1) {
            d = Dtype.BOOL;
        } else if (t instanceof EnumDataType e && isBoolEnum(e)) {
            d = Dtype.BOOL;
        }
        if (d == null) {
            String type = "HDF5 type " + t.getClass().getSimpleName() + " (" + t.getSize() + " bytes)";
            context.substituteMember(key, where + " of " + type, "nothing", "the document tree has no dtype for " + type);
        }
        return d;
    }

    private static boolean isBoolEnum(EnumDataType e) {
        Map<Integer, String> m = e.getEnumMapping();
        return m.size() == 2 && "FALSE".equals(m.get(0)) && "TRUE".equals(m.get(1));
    }

    private void attributes(Node n, boolean root) {
        sink.startObject();
        for (Map.Entry<String, Attribute> e : new TreeMap<>(n.getAttributes()).entrySet()) {
            if (root && e.getKey().equals(JHDF_STAMP)) {
                continue;
            }
            Attribute a = e.getValue();
            Dtype dt = dtype(a.getDataType(), n.getPath() + " attribute " + e.getKey(), e.getKey());
            if (dt == null) {
                continue;
            }
            sink.key(e.getKey());
            long[] shape = a.isScalar() ? new long[0] : a.getDimensionsAsLong();
            boolean plain = (dt == Dtype.STRING || dt == Dtype.INT64 || dt == Dtype.FLOAT64 || dt == Dtype.BOOL)
                    && !a.isEmpty() && !hasZero(shape);
            if (!plain) {
                sink.startObject();
                sink.key("dtype");
                sink.string(dt.id());
                sink.key("shape");
                shape(shape);
                sink.key("data");
            }
            if (a.isEmpty() || hasZero(shape)) {
                empty(shape, 0);
            } else {
                values(a.getData(), dt, shape.length);
            }
            if (!plain) {
                sink.endObject();
            }
        }
        sink.endObject();
    }

    private void shape(long[] shape) {
        sink.startArray();
        for (long d : shape) {
            sink.integer(d);
        }
        sink.endArray();
    }

    private static boolean hasZero(long[] shape) {
        for (long d : shape) {
            if (d == 0) {
                return true;
            }
        }
        return false;
    }

    private void dataset(Dataset ds, Dtype dt) {
        long[] shape = ds.isScalar() ? new long[0] : ds.getDimensionsAsLong();
        sink.startObject();
        sink.key("kind");
        sink.string("dataset");
        sink.key("dtype");
        sink.string(dt.id());
        sink.key("shape");
        shape(shape);
        sink.key("attributes");
        attributes(ds, false);
        sink.key("data");
        if (hasZero(shape) || ds.getSize() == 0) {
            empty(shape, 0);
        } else if (ds.isEmpty()) {
            filled(shape, 0, FillValues.of(ds, dt), dt);
        } else if (shape.length > 0 && ds.getDataLayout() == DataLayout.CONTIGUOUS && ds.getSize() > SLICE_ELEMENTS) {
            sliced(ds, dt, shape);
        } else {
            Object data = ds.getData();
            if (ds.getDataLayout() == DataLayout.CHUNKED) {
                FillValues.intoMissingChunks(ds, data, FillValues.of(ds, dt));
            }
            values(data, dt, shape.length);
        }
        sink.endObject();
    }

    /** An array with a zero in its shape: nested empty arrays down to the first zero. */
    private void empty(long[] shape, int level) {
        if (level == shape.length) {
            sink.nul();
            return;
        }
        sink.startArray();
        if (shape[level] > 0) {
            for (long i = 0; i < shape[level]; i++) {
                empty(shape, level + 1);
            }
        }
        sink.endArray();
    }

    /** A dataset with no storage yet: every element is its fill value, as h5py reads it. */
    private void filled(long[] shape, int level, Object fill, Dtype dt) {
        if (level == shape.length) {
            scalar(fill, dt);
            return;
        }
        sink.startArray();
        for (long i = 0; i < shape[level]; i++) {
            filled(shape, level + 1, fill, dt);
        }
        sink.endArray();
    }

    private void sliced(Dataset ds, Dtype dt, long[] shape) {
        long rowElements = 1;
        for (int i = 1; i < shape.length; i++) {
            rowElements *= shape[i];
        }
        int rows = (int) Math.max(1, Math.min(shape[0], SLICE_ELEMENTS / Math.max(1, rowElements)));
        int[] sliceShape = new int[shape.length];
        for (int i = 1; i < shape.length; i++) {
            sliceShape[i] = (int) shape[i];
        }
        long[] offset = new long[shape.length];
        sink.startArray();
        for (long row = 0; row < shape[0]; row += rows) {
            sliceShape[0] = (int) Math.min(rows, shape[0] - row);
            offset[0] = row;
            Object slice = ds.getData(offset, sliceShape);
            elements(slice, dt, shape.length);
        }
        sink.endArray();
    }

    /** A value of {@code rank} dimensions as nested arrays (a scalar for rank 0). */
    private void values(Object data, Dtype dt, int rank) {
        if (rank == 0) {
            scalar(data, dt);
            return;
        }
        sink.startArray();
        elements(data, dt, rank);
        sink.endArray();
    }

    /** The elements of an array of {@code rank} dimensions, without the enclosing brackets. */
    private void elements(Object data, Dtype dt, int rank) {
        if (rank > 1) {
            for (Object row : (Object[]) data) {
                values(row, dt, rank - 1);
            }
            return;
        }
        switch (data) {
            case byte[] a -> {
                for (byte v : a) {
                    sink.integer(dt == Dtype.UINT8 ? v & 0xff : v);
                }
            }
            case short[] a -> {
                for (short v : a) {
                    sink.integer(dt == Dtype.UINT16 ? v & 0xffff : v);
                }
            }
            case int[] a -> {
                for (int v : a) {
                    sink.integer(dt == Dtype.UINT32 ? v & 0xffffffffL : v);
                }
            }
            case long[] a -> {
                for (long v : a) {
                    if (dt == Dtype.UINT64 && v < 0) {
                        sink.integer(new BigInteger(Long.toUnsignedString(v)));
                    } else {
                        sink.integer(v);
                    }
                }
            }
            case float[] a -> {
                for (float v : a) {
                    sink.float32(v);
                }
            }
            case double[] a -> {
                for (double v : a) {
                    sink.float64(v);
                }
            }
            case boolean[] a -> {
                for (boolean v : a) {
                    sink.bool(v);
                }
            }
            case Object[] a -> {
                for (Object v : a) {
                    scalar(v, dt);
                }
            }
            default -> throw context.malformed("unexpected HDF5 data of Java type " + data.getClass().getSimpleName());
        }
    }

    private void scalar(Object v, Dtype dt) {
        if (v != null && v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 1) {
            v = java.lang.reflect.Array.get(v, 0);
        }
        switch (v) {
            case null -> sink.nul();
            case String s -> {
                if (dt == Dtype.BOOL) {
                    sink.bool(s.equals("TRUE"));
                } else {
                    sink.string(s);
                }
            }
            case Boolean b -> sink.bool(b);
            case BigInteger b -> {
                if (b.bitLength() < 64) {
                    sink.integer(b.longValue());
                } else {
                    sink.integer(b);
                }
            }
            case Float f -> sink.float32(f);
            case Double d -> sink.float64(d);
            case Byte b -> sink.integer(dt == Dtype.UINT8 ? b & 0xff : b);
            case Short s -> sink.integer(dt == Dtype.UINT16 ? s & 0xffff : s);
            case Integer i -> sink.integer(dt == Dtype.UINT32 ? i & 0xffffffffL : i);
            case Long l -> {
                if (dt == Dtype.UINT64 && l < 0) {
                    sink.integer(new BigInteger(Long.toUnsignedString(l)));
                } else {
                    sink.integer(l);
                }
            }
            default -> throw context.malformed("unexpected HDF5 value of Java type " + v.getClass().getSimpleName());
        }
    }
}
