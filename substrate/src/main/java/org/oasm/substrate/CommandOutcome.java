package org.oasm.substrate;

/**
 * How a command ended: exit status, wall time, and for an external program its process id and
 * CPU time and peak resident memory (kilobytes) where the OS reported them (-1 when unknown).
 */
public record CommandOutcome(int status, long durationNanos, long pid, long cpuMillis, long peakRssKb) {

    public static CommandOutcome of(int status, long durationNanos) {
        return new CommandOutcome(status, durationNanos, -1, -1, -1);
    }

    public long durationMillis() {
        return durationNanos / 1_000_000;
    }
}
