package org.oasm.formats.hdf5;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The dataset types of the document tree, with the range of values each holds and the Java
 * element type jHDF 0.13 writes it from ({@code unsigned} through its creation option).
 */
public enum Dtype {
    INT8(byte.class, false, -128, 127),
    INT16(short.class, false, Short.MIN_VALUE, Short.MAX_VALUE),
    INT32(int.class, false, Integer.MIN_VALUE, Integer.MAX_VALUE),
    INT64(long.class, false, Long.MIN_VALUE, Long.MAX_VALUE),
    UINT8(byte.class, true, 0, 0xff),
    UINT16(short.class, true, 0, 0xffff),
    UINT32(int.class, true, 0, 0xffffffffL),
    UINT64(long.class, true, 0, -1),
    FLOAT32(float.class, false, 0, 0),
    FLOAT64(double.class, false, 0, 0),
    STRING(String.class, false, 0, 0),
    BOOL(boolean.class, false, 0, 0);

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    final Class<?> javaType;
    final boolean unsigned;
    private final long min;
    private final long max;

    Dtype(Class<?> javaType, boolean unsigned, long min, long max) {
        this.javaType = javaType;
        this.unsigned = unsigned;
        this.min = min;
        this.max = max;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Dtype parse(String id) {
        for (Dtype d : values()) {
            if (d.id().equals(id)) {
                return d;
            }
        }
        return null;
    }

    boolean integral() {
        return ordinal() <= UINT64.ordinal();
    }

    /** Whether an integer fits this integral type. */
    boolean holds(BigInteger v) {
        if (this == UINT64) {
            return v.signum() >= 0 && v.compareTo(UINT64_MAX) <= 0;
        }
        return v.bitLength() < 64 && v.longValue() >= min && v.longValue() <= max;
    }

    /** The integral type of an HDF5 fixed-point type of {@code bytes} bytes. */
    static Dtype fixed(int bytes, boolean signed) {
        return switch (bytes) {
            case 1 -> signed ? INT8 : UINT8;
            case 2 -> signed ? INT16 : UINT16;
            case 4 -> signed ? INT32 : UINT32;
            case 8 -> signed ? INT64 : UINT64;
            default -> null;
        };
    }
}
