package org.oasm.formats.hdf5;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.exceptions.HdfException;
import java.lang.reflect.Array;

/**
 * What a dataset holds where nothing was ever written to it: its fill value, as h5py and
 * {@code h5dump} read it. HDF5 allocates storage late, so a dataset created with a shape and no
 * data has no storage at all, and a chunked one written in part has no chunks where it was not
 * written; jHDF 0.13 reads the first as no data and the second as zeros, whatever the fill value.
 */
final class FillValues {

    private FillValues() {
    }

    /** The dataset's fill value as jHDF returns its elements, or the type's zero when it has none. */
    static Object of(Dataset ds, Dtype dt) {
        Object fill;
        try {
            fill = ds.getFillValue();
        } catch (HdfException | IllegalArgumentException | UnsupportedOperationException e) {
            fill = null;
        }
        if (fill != null && fill.getClass().isArray()) {
            fill = Array.getLength(fill) == 1 ? Array.get(fill, 0) : null;
        }
        return fill != null ? fill : zero(dt);
    }

    private static Object zero(Dtype dt) {
        return switch (dt) {
            case INT8, UINT8 -> (byte) 0;
            case INT16, UINT16 -> (short) 0;
            case INT32, UINT32 -> 0;
            case INT64, UINT64 -> 0L;
            case FLOAT32 -> 0.0f;
            case FLOAT64 -> 0.0;
            case STRING -> "";
            case BOOL -> false;
        };
    }

    /** Whether jHDF's reading of a missing chunk (zero bytes) already is {@code fill}. */
    private static boolean isZero(Object fill) {
        return switch (fill) {
            case Number n when fill instanceof Float || fill instanceof Double ->
                    Double.doubleToRawLongBits(n.doubleValue()) == 0;
            case Number n -> n.longValue() == 0 && !(fill instanceof java.math.BigInteger b && b.signum() != 0);
            case Boolean b -> !b;
            default -> false;
        };
    }

    /**
     * Sets the elements of the chunks a chunked dataset lacks to {@code fill} in {@code data}
     * (jHDF's nested arrays of the whole dataset), where jHDF left zeros. Nothing to do for a
     * zero fill value, which is what HDF5 has unless the writer chose another.
     */
    static void intoMissingChunks(Dataset ds, Object data, Object fill) {
        if (!(ds instanceof ChunkedDataset chunked) || isZero(fill) || data == null) {
            return;
        }
        int[] dims = ds.getDimensions();
        int[] chunk = chunked.getChunkDimensions();
        if (dims.length == 0 || chunk.length < dims.length) {
            return;
        }
        int[] offset = new int[dims.length];
        while (true) {
            if (!stored(chunked, offset)) {
                fillRegion(data, dims, chunk, offset, 0, fill);
            }
            int d = dims.length - 1;
            while (d >= 0) {
                offset[d] += chunk[d];
                if (offset[d] < dims[d]) {
                    break;
                }
                offset[d] = 0;
                d--;
            }
            if (d < 0) {
                return;
            }
        }
    }

    private static boolean stored(ChunkedDataset ds, int[] offset) {
        try {
            ds.getRawChunkBuffer(offset.clone());
            return true;
        } catch (HdfException e) {
            return false;
        }
    }

    private static void fillRegion(Object array, int[] dims, int[] chunk, int[] offset, int level, Object fill) {
        int end = Math.min(dims[level], offset[level] + chunk[level]);
        for (int i = offset[level]; i < end; i++) {
            if (level == dims.length - 1) {
                Array.set(array, i, fill);
            } else {
                fillRegion(Array.get(array, i), dims, chunk, offset, level + 1, fill);
            }
        }
    }
}
