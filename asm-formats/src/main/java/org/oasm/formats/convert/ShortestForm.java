package org.oasm.formats.convert;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The exactness rule of {@link Decimals} (a decimal is exact when it is the shortest form of the
 * float64 nearest to it) for decimals of 16 or 17 significant digits, decided with integer
 * arithmetic instead of printing the float with {@code Double.toString} and comparing texts. A
 * large conversion checks millions of them (every float64 a program printed), and printing was
 * a fifth of a 200 MB JSON to CBOR conversion, most of it in its first second, before the JIT had
 * compiled the JDK's printing code.
 *
 * <p>For {@code D = w * 10^q} (w without trailing zeros, n digits) and {@code d} the float64
 * nearest to it, the shortest form of {@code d} is {@code D} exactly when no shorter decimal
 * rounds to {@code d} (then one of the two (n-1)-digit decimals around {@code D} would, which two
 * correctly rounded multiplications or divisions tell) and {@code D} is the n-digit decimal
 * nearest to {@code d} ({@code d} lies strictly within half a unit of {@code D}'s last digit,
 * compared exactly in 128-bit integers). Outside the range where these are cheap (very large or
 * small magnitudes, subnormals, a float exactly on a midpoint) the answer is {@link #UNKNOWN} and
 * the caller prints the float after all.
 */
final class ShortestForm {

    static final int EXACT = 1;
    static final int INEXACT = 0;
    static final int UNKNOWN = -1;

    private static final long[] POWERS_OF_TEN = new long[19];
    private static final double[] DOUBLE_POWERS_OF_TEN = new double[23];

    static {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
        double d = 1;
        for (int i = 0; i < DOUBLE_POWERS_OF_TEN.length; i++) {
            DOUBLE_POWERS_OF_TEN[i] = d;
            d *= 10;
        }
    }

    private ShortestForm() {
    }

    /**
     * Whether {@code w * 10^q} (w >= 0, at most 19 digits) is the shortest form of {@code d}, the
     * float64 nearest to it, positive and finite: {@link #EXACT}, {@link #INEXACT} or
     * {@link #UNKNOWN}.
     */
    static int check(long w, int q, double d) {
        if (w == 0) {
            return d == 0 ? EXACT : UNKNOWN;
        }
        while (w % 10 == 0) {
            w /= 10;
            q++;
        }
        int n = digits(w);
        if (n > 17) {
            return INEXACT; // no float64 needs more than 17 digits
        }
        if (n < 16) {
            return UNKNOWN;
        }
        // a shorter decimal rounds to d exactly when one of the two around D does
        long shorter = w / 10;
        int p = q + 1;
        if (shorter + 1 > 1L << 53 || p < -22 || p > 22) {
            return UNKNOWN;
        }
        if (nearest(shorter, p) == d || nearest(shorter + 1, p) == d) {
            return INEXACT;
        }
        // D is the n-digit decimal nearest to d: (10w - 5) / 10^s < d < (10w + 5) / 10^s
        int s = 1 - q;
        long bits = Double.doubleToRawLongBits(d);
        int biased = (int) (bits >>> 52) & 0x7ff;
        int j = 1075 - biased; // d = m * 2^-j
        if (s < 1 || s >= POWERS_OF_TEN.length || biased == 0 || j <= 0) {
            return UNKNOWN;
        }
        long m = bits & ((1L << 52) - 1) | 1L << 52;
        int below = compare(m, s, 10 * w - 5, j);
        int above = compare(m, s, 10 * w + 5, j);
        if (below == 0 || above == 0) {
            return UNKNOWN; // exactly on a midpoint: printing settles the tie
        }
        return below > 0 && above < 0 ? EXACT : INEXACT;
    }

    /**
     * The float64 nearest to {@code x * 10^p}, for {@code 0 <= x <= 2^53} and {@code |p| <= 22}:
     * one correctly rounded operation on exact operands (Clinger's fast path).
     */
    static double nearest(long x, int p) {
        return p >= 0 ? x * DOUBLE_POWERS_OF_TEN[p] : x / DOUBLE_POWERS_OF_TEN[-p];
    }

    /** The number of decimal digits of {@code w > 0}. */
    private static int digits(long w) {
        int n = 1;
        while (n < POWERS_OF_TEN.length && w >= POWERS_OF_TEN[n]) {
            n++;
        }
        return n;
    }

    /**
     * The sign of {@code m * 10^s - c * 2^j} (so of {@code d - c / 10^s}), for {@code m < 2^53},
     * {@code s <= 18}, {@code 0 < c < 2^63}, {@code j > 0}: the 128-bit product shifted right by
     * {@code j}, compared with {@code c}, the bits shifted out breaking a tie.
     */
    static int compare(long m, int s, long c, int j) {
        long p10 = POWERS_OF_TEN[s];
        long hi = Math.multiplyHigh(m, p10);
        long lo = m * p10;
        long shiftedHi;
        long shiftedLo;
        boolean rest;
        if (j >= 128) {
            shiftedHi = 0;
            shiftedLo = 0;
            rest = (hi | lo) != 0;
        } else if (j >= 64) {
            int k = j - 64;
            shiftedHi = 0;
            shiftedLo = hi >>> k;
            rest = lo != 0 || k > 0 && (hi & ((1L << k) - 1)) != 0;
        } else {
            shiftedHi = hi >>> j;
            shiftedLo = lo >>> j | hi << (64 - j);
            rest = (lo & ((1L << j) - 1)) != 0;
        }
        if (shiftedHi != 0) {
            return 1;
        }
        int cmp = Long.compareUnsigned(shiftedLo, c);
        if (cmp != 0) {
            return cmp > 0 ? 1 : -1;
        }
        return rest ? 1 : 0;
    }

    /**
     * The float64 the decimal {@code b[start, end)} denotes ({@code digits} its significant digits
     * as read, {@code allDigits} how many, {@code power} the power of ten they are scaled by), for
     * the fast conversions; it gives up ({@link FastPath.GiveUp}) where the general path refuses
     * or must decide. With at most 15 significant digits and a power of ten up to
     * 22 it is one exact multiplication or division (Clinger's fast path), and always exact; a
     * longer decimal is parsed by FastDoubleParser (correctly rounded) and must be the float's
     * shortest form ({@link ShortestForm}, else by printing the float), or the general path
     * decides.
     */
    static double decimal(byte[] b, int start, int end, boolean negative, long digits, int allDigits, int power) {
        if (allDigits <= 18 && digits < 1_000_000_000_000_000L && power >= -22 && power <= 22) {
            double d = ShortestForm.nearest(digits, power);
            return negative ? -d : d;
        }
        double d = JavaDoubleParser.parseDouble(b, start, end - start);
        if (Double.isInfinite(d)) {
            throw new FastPath.GiveUp("decimal beyond the float64 range");
        }
        int verdict = allDigits <= 19 && digits >= 0 ? ShortestForm.check(digits, power, Math.abs(d)) : ShortestForm.UNKNOWN;
        if (verdict == ShortestForm.INEXACT
                || verdict == ShortestForm.UNKNOWN && !Decimals.isExact(b, start, end - start, d)) {
            throw new FastPath.GiveUp("inexact decimal");
        }
        return d;
    }
}
