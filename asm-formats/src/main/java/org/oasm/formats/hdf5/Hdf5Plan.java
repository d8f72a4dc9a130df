package org.oasm.formats.hdf5;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Checks the {@code data} of one dataset or attribute against its dtype and shape and builds the
 * Java array jHDF writes it from: {@code byte}, {@code short}, {@code int} and {@code long} for
 * the integer types (the unsigned ones as the same bits, written with jHDF's unsigned option),
 * {@code float}, {@code double}, {@code String} and {@code boolean}. Every integer must fit its
 * type; a float64 value that float32 cannot hold exactly, or an integer beyond 2^53 in a float
 * type, is refused unless {@code --lossy}.
 */
final class Hdf5Plan {

    /** Data ready for jHDF: a (possibly multi-dimensional) Java array, or a boxed scalar. */
    record Data(Object array, boolean unsigned) {
    }

    private static final int MAX_RANK = 32;

    private final Context context;
    private final String pointer;

    Hdf5Plan(Context context, String pointer) {
        this.context = context;
        this.pointer = pointer;
    }

    private DocumentException refuse(String where, String problem) {
        return new DocumentException(context.name() + ": " + where + ": " + problem);
    }

    Data data(Dtype dt, JsonNode shapeNode, JsonNode data) {
        if (!shapeNode.isArray() || shapeNode.size() > MAX_RANK) {
            throw refuse(pointer + "/shape", "shape must be an array of at most " + MAX_RANK + " sizes");
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || d.bigIntegerValue().signum() < 0
                    || d.bigIntegerValue().compareTo(BigInteger.valueOf(Integer.MAX_VALUE - 8)) > 0) {
                throw refuse(pointer + "/shape/" + i, "a size must be an integer from 0 to 2^31-9, found " + d);
            }
            shape[i] = d.intValue();
            if (shape[i] == 0) {
                throw refuse(pointer + "/shape", "jHDF 0.13 cannot write an empty dataset or attribute (a 0 in the shape)");
            }
        }
        if (data.isMissingNode()) {
            throw refuse(pointer, "a dataset needs \"data\"");
        }
        if (shape.length == 0) {
            return new Data(boxed(dt, data, pointer + "/data"), dt.unsigned);
        }
        Object array = Array.newInstance(dt.javaType, shape);
        fill(array, dt, shape, 0, data, pointer + "/data");
        return new Data(array, dt.unsigned);
    }

    private void fill(Object array, Dtype dt, int[] shape, int level, JsonNode data, String where) {
        if (!data.isArray() || data.size() != shape[level]) {
            throw refuse(where, "expected an array of " + shape[level] + " (shape " + java.util.Arrays.toString(shape)
                    + "), found " + (data.isArray() ? "an array of " + data.size() : data.getNodeType().name().toLowerCase()));
        }
        for (int i = 0; i < shape[level]; i++) {
            JsonNode v = data.get(i);
            String at = where + "/" + i;
            if (level + 1 < shape.length) {
                fill(Array.get(array, i), dt, shape, level + 1, v, at);
                continue;
            }
            switch (array) {
                case byte[] a -> a[i] = (byte) integer(dt, v, at);
                case short[] a -> a[i] = (short) integer(dt, v, at);
                case int[] a -> a[i] = (int) integer(dt, v, at);
                case long[] a -> a[i] = integer(dt, v, at);
                case float[] a -> a[i] = float32(v, at);
                case double[] a -> a[i] = float64(v, at);
                case boolean[] a -> a[i] = bool(v, at);
                case String[] a -> a[i] = string(v, at);
                default -> throw new IllegalStateException(array.getClass().toString());
            }
        }
    }

    private Object boxed(Dtype dt, JsonNode v, String at) {
        return switch (dt) {
            case INT8, UINT8 -> (byte) integer(dt, v, at);
            case INT16, UINT16 -> (short) integer(dt, v, at);
            case INT32, UINT32 -> (int) integer(dt, v, at);
            case INT64, UINT64 -> integer(dt, v, at);
            case FLOAT32 -> float32(v, at);
            case FLOAT64 -> float64(v, at);
            case STRING -> string(v, at);
            case BOOL -> bool(v, at);
        };
    }

    /** The integer's bits (two's complement, so unsigned values above the signed range wrap). */
    private long integer(Dtype dt, JsonNode v, String at) {
        if (!v.isIntegralNumber()) {
            throw refuse(at, dt.id() + " data must be integers, found " + describe(v));
        }
        BigInteger b = v.bigIntegerValue();
        if (!dt.holds(b)) {
            throw refuse(at, b + " does not fit " + dt.id());
        }
        return b.longValue();
    }

    private float float32(JsonNode v, String at) {
        if (!v.isNumber()) {
            throw refuse(at, "float32 data must be numbers, found " + describe(v));
        }
        if (v.isFloat()) {
            return v.floatValue();
        }
        double d = float64(v, at);
        float f = (float) d;
        if (f != d && !Double.isNaN(d)) {
            lossy(at, Double.toString(d), Float.toString(f), "float32 cannot hold " + d + " exactly");
        }
        return f;
    }

    private double float64(JsonNode v, String at) {
        if (!v.isNumber()) {
            throw refuse(at, "float data must be numbers, found " + describe(v));
        }
        if (v.isIntegralNumber()) {
            BigInteger b = v.bigIntegerValue();
            double d = b.doubleValue();
            if (Double.isInfinite(d) || new BigDecimal(d).toBigInteger().compareTo(b) != 0) {
                lossy(at, b.toString(), Double.toString(d), "a float cannot hold the integer " + b + " exactly");
            }
            return d;
        }
        return v.doubleValue();
    }

    private void lossy(String at, String original, String replacement, String reason) {
        if (!context.lossy()) {
            throw refuse(at, reason + " (--lossy writes " + replacement + ")");
        }
        context.substitute(original, replacement, reason + " (at " + at + ")");
    }

    private boolean bool(JsonNode v, String at) {
        if (!v.isBoolean()) {
            throw refuse(at, "bool data must be true or false, found " + describe(v));
        }
        return v.booleanValue();
    }

    private String string(JsonNode v, String at) {
        if (!v.isString()) {
            throw refuse(at, "string data must be text, found " + describe(v));
        }
        String s = v.stringValue();
        if (s.indexOf('\0') >= 0) {
            throw refuse(at, "HDF5 strings as jHDF writes them end at U+0000, so text containing it cannot be stored");
        }
        return s;
    }

    private static String describe(JsonNode v) {
        String t = v.toString();
        return t.length() > 40 ? t.substring(0, 37) + "..." : t;
    }

    /**
     * An attribute value: a typed object {@code {"dtype", "shape", "data"}}, or a plain value
     * whose dtype is implied (text: string, integers: int64, any float: float64, booleans: bool).
     */
    Object attribute(JsonNode v) {
        if (v.isObject()) {
            for (var e : v.properties()) {
                if (!List.of("dtype", "shape", "data").contains(e.getKey())) {
                    throw refuse(pointer, "a typed attribute has only dtype, shape and data; found \"" + e.getKey() + "\"");
                }
            }
            Dtype dt = Dtype.parse(v.path("dtype").asString(""));
            if (dt == null) {
                throw refuse(pointer + "/dtype", "unknown dtype " + v.path("dtype"));
            }
            return data(dt, v.path("shape"), v.path("data"));
        }
        List<Integer> shape = new ArrayList<>();
        JsonNode first = v;
        while (first.isArray()) {
            if (first.isEmpty()) {
                throw refuse(pointer, "jHDF 0.13 cannot write an empty attribute");
            }
            shape.add(first.size());
            first = first.get(0);
        }
        Dtype dt = implied(v, shape.size());
        if (shape.isEmpty()) {
            return boxed(dt, v, pointer);
        }
        JsonNode shapeNode = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int d : shape) {
            ((tools.jackson.databind.node.ArrayNode) shapeNode).add(d);
        }
        return data(dt, shapeNode, v);
    }

    private Dtype implied(JsonNode v, int rank) {
        boolean[] seen = new boolean[4];
        scan(v, rank, seen);
        if (seen[0] && !seen[1] && !seen[2] && !seen[3]) {
            return Dtype.STRING;
        }
        if (seen[3] && !seen[0] && !seen[1] && !seen[2]) {
            return Dtype.BOOL;
        }
        if (!seen[0] && !seen[3] && seen[2]) {
            return Dtype.FLOAT64;
        }
        if (!seen[0] && !seen[3] && seen[1]) {
            return Dtype.INT64;
        }
        throw refuse(pointer, "an attribute holds text, numbers or booleans of one kind (or is typed"
                + " {\"dtype\", \"shape\", \"data\"}); found " + describe(v));
    }

    /** Marks what the leaves are: text, integers, floats, booleans. */
    private void scan(JsonNode v, int rank, boolean[] seen) {
        if (rank > 0) {
            for (JsonNode c : v) {
                scan(c, rank - 1, seen);
            }
            return;
        }
        if (v.getNodeType() == JsonNodeType.STRING) {
            seen[0] = true;
        } else if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw refuse(pointer, "integer " + v + " is beyond int64: write it typed, {\"dtype\": \"uint64\", ...}");
            }
            seen[1] = true;
        } else if (v.isNumber()) {
            seen[2] = true;
        } else if (v.isBoolean()) {
            seen[3] = true;
        } else {
            throw refuse(pointer, "an attribute cannot hold " + describe(v));
        }
    }
}
