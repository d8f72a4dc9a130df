package org.oasm.formats.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ShortestForm} against the rule it stands in for: a decimal is exact when it is, as a
 * number, what {@code Double.toString} prints for the float64 nearest to it. Decimals of 15 to 19
 * digits around random floats of every magnitude: their shortest forms, those forms one unit off
 * in the last digit, longer and shorter roundings, and the float's exact value cut to 17 digits.
 */
class ShortestFormTest {

    private static int decided;

    /** Checks one decimal, given as text of the form digits[.digits][e exponent]; returns whether it was decided. */
    private static void agree(String text) {
        BigDecimal exact = new BigDecimal(text);
        if (exact.signum() <= 0) {
            return;
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d) || d == 0) {
            return;
        }
        BigDecimal stripped = exact.stripTrailingZeros();
        if (stripped.precision() > 19 || stripped.unscaledValue().bitLength() > 63 || Math.abs(stripped.scale()) > 400) {
            return;
        }
        long w = stripped.unscaledValue().longValueExact();
        int q = -stripped.scale();
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        boolean expected = Decimals.isExact(ascii, 0, ascii.length, d);
        int verdict = ShortestForm.check(w, q, d);
        if (verdict != ShortestForm.UNKNOWN) {
            decided++;
            assertEquals(expected, verdict == ShortestForm.EXACT, () -> text + " (nearest float " + d + ")");
        }
    }

    @Test
    void agreesWithPrintingTheFloat() {
        Random r = new Random(8949);
        for (int i = 0; i < 60_000; i++) {
            double d = switch (i % 4) {
                case 0 -> r.nextDouble();
                case 1 -> r.nextDouble() * Math.pow(10, r.nextInt(16) - 5);
                case 2 -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL);
                default -> (r.nextInt(2_000_000) + 1) / 1024.0 + r.nextInt(1000) * 1e-9;
            };
            String shortest = new BigDecimal(Double.toString(d)).toPlainString();
            agree(shortest);
            BigDecimal s = new BigDecimal(shortest);
            BigDecimal unit = BigDecimal.ONE.movePointLeft(s.scale());
            agree(s.add(unit).toPlainString());
            agree(s.subtract(unit).toPlainString());
            BigDecimal exactValue = new BigDecimal(d);
            for (int digits = 15; digits <= 19; digits++) {
                agree(exactValue.round(new java.math.MathContext(digits)).toString());
                agree(exactValue.round(new java.math.MathContext(digits, java.math.RoundingMode.DOWN)).toString());
            }
            agree(s.toPlainString() + "1");
        }
        assertTrue(decided > 200_000, "decided without printing: " + decided);
    }

    @Test
    void midpointsAndEdgesAreLeftToPrinting() {
        assertEquals(ShortestForm.UNKNOWN, ShortestForm.check(0, 0, 1.0));
        assertEquals(ShortestForm.EXACT, ShortestForm.check(0, 0, 0.0));
        assertEquals(ShortestForm.INEXACT, ShortestForm.check(123456789012345678L, -18, 0.123456789012345678));
        assertEquals(ShortestForm.EXACT, ShortestForm.check(9363454805348833L, -16, 0.9363454805348833));
    }
}
