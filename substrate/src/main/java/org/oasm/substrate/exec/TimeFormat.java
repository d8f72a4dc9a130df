package org.oasm.substrate.exec;

/**
 * Formats what {@code time PIPELINE} measured the way bash does, by its {@code TIMEFORMAT}
 * variable: {@code %[p][l]R}, {@code %[p][l]U} and {@code %[p][l]S} are the elapsed, user and
 * system seconds with {@code p} (0 to 3, default 3) digits after the point, truncated, and with
 * {@code l} as {@code MMmSS.FFFs}; {@code %P} is the CPU share in percent; {@code %%} is a percent
 * sign. Unset, the format is bash's default; set to nothing, nothing is printed; {@code time -p}
 * uses the POSIX format.
 */
final class TimeFormat {

    /** bash's format when {@code TIMEFORMAT} is unset. */
    static final String DEFAULT = "\nreal\t%3lR\nuser\t%3lU\nsys\t%3lS";
    /** The format of {@code time -p}. */
    static final String POSIX = "real %2R\nuser %2U\nsys %2S";

    private TimeFormat() {
    }

    /** A format character bash does not know: bash prints a warning and no times. */
    static final class InvalidFormat extends Exception {
        final char character;

        InvalidFormat(char character) {
            super(null, null, false, false);
            this.character = character;
        }
    }

    /**
     * The report for {@code format} (without the new line bash adds), from microseconds of
     * elapsed, user and system time.
     */
    static String format(String format, long realMicros, long userMicros, long systemMicros) throws InvalidFormat {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char next = format.charAt(++i);
            if (next == '%') {
                out.append('%');
                continue;
            }
            if (next == 'P') {
                long cpu = realMicros == 0 ? 0 : Math.min(10_000, (userMicros + systemMicros) * 10_000 / realMicros);
                out.append(cpu / 100).append('.').append(String.format("%02d", cpu % 100));
                continue;
            }
            int precision = 3;
            if (next >= '0' && next <= '9') {
                precision = Math.min(3, next - '0');
                if (++i == format.length()) {
                    throw new InvalidFormat(next);
                }
                next = format.charAt(i);
            }
            boolean longForm = false;
            if (next == 'l') {
                longForm = true;
                if (++i == format.length()) {
                    throw new InvalidFormat(next);
                }
                next = format.charAt(i);
            }
            long micros = switch (next) {
                case 'R' -> realMicros;
                case 'U' -> userMicros;
                case 'S' -> systemMicros;
                default -> throw new InvalidFormat(next);
            };
            seconds(out, micros, precision, longForm);
        }
        return out.toString();
    }

    private static void seconds(StringBuilder out, long micros, int precision, boolean longForm) {
        long seconds = micros / 1_000_000;
        long millis = micros % 1_000_000 / 1000;
        if (longForm) {
            out.append(seconds / 60).append('m');
            seconds %= 60;
        }
        out.append(seconds);
        if (precision > 0) {
            out.append('.');
            String digits = String.format("%03d", millis);
            out.append(digits, 0, precision);
        }
        if (longForm) {
            out.append('s');
        }
    }
}
