package org.oasm.substrate.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@code TIMEFORMAT} as bash 5.2 prints it, with figures the differential cases cannot fix
 * (those only see whole seconds of fast commands). Expected texts are bash's for the same
 * microseconds: fractions truncated, precision at most 3, {@code l} as minutes and seconds.
 */
class TimeFormatTest {

    private static String format(String f, long real, long user, long sys) throws TimeFormat.InvalidFormat {
        return TimeFormat.format(f, real, user, sys);
    }

    @Test
    void bashDefault() throws Exception {
        assertEquals("\nreal\t1m1.509s\nuser\t0m0.001s\nsys\t0m0.000s", format(TimeFormat.DEFAULT, 61_509_999, 1_999, 999));
    }

    @Test
    void posix() throws Exception {
        assertEquals("real 2.01\nuser 0.10\nsys 0.00", format(TimeFormat.POSIX, 2_019_000, 109_000, 9_999));
    }

    @Test
    void precisionAndLongForm() throws Exception {
        assertEquals("12|12.3|12.345|12.345|0m12s|2m5.50s", format("%0R|%1R|%3R|%9R|%0lR|%2lU", 12_345_678, 125_500_000, 0));
    }

    @Test
    void cpuShare() throws Exception {
        assertEquals("50.00 100.00 0.00", format("%P", 2_000_000, 600_000, 400_000) + " "
                + format("%P", 1_000_000, 1_500_000, 0) + " " + format("%P", 0, 0, 0));
    }

    @Test
    void percentSigns() throws Exception {
        assertEquals("100% done %", format("100%% done %", 0, 0, 0));
    }

    @Test
    void unknownCharacter() {
        assertEquals('Q', assertThrows(TimeFormat.InvalidFormat.class, () -> format("a%Qb", 0, 0, 0)).character);
        assertEquals('0', assertThrows(TimeFormat.InvalidFormat.class, () -> format("%l0R", 0, 0, 0)).character);
    }

    @Test
    void cpuTimesGrow() {
        CpuTimes before = CpuTimes.now();
        long spin = 0;
        for (long t = System.nanoTime(); System.nanoTime() - t < 50_000_000; ) {
            spin++;
        }
        CpuTimes used = CpuTimes.now().since(before);
        assertEquals(true, spin > 0 && used.userMicros() + used.systemMicros() >= 20_000,
                "50 ms of spinning used " + used);
    }
}
