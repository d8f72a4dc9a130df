package org.oasm.substrate.exec;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;

/**
 * The user and system CPU time used so far by the cockpit and by the programs it has waited
 * for, which is what bash's {@code time} subtracts before from after. Read with
 * {@code getrusage(2)} ({@code RUSAGE_SELF} plus {@code RUSAGE_CHILDREN}) through the FFM API on
 * 64-bit Linux, where {@code struct rusage} starts with two {@code struct timeval}s of two
 * longs each; elsewhere the process's CPU time from the JDK counts as user time, and children are
 * not counted.
 */
record CpuTimes(long userMicros, long systemMicros) {

    private static final int RUSAGE_SELF = 0;
    private static final int RUSAGE_CHILDREN = -1;
    private static final long RUSAGE_SIZE = 256;   // struct rusage is 144 bytes on x86-64 and AArch64
    private static final MethodHandle GETRUSAGE =
            LinuxCalls.find("getrusage", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));

    /** The times used until now. */
    static CpuTimes now() {
        if (GETRUSAGE != null) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment self = arena.allocate(RUSAGE_SIZE, 8);
                MemorySegment children = arena.allocate(RUSAGE_SIZE, 8);
                if ((int) GETRUSAGE.invokeExact(RUSAGE_SELF, self) == 0
                        && (int) GETRUSAGE.invokeExact(RUSAGE_CHILDREN, children) == 0) {
                    return new CpuTimes(micros(self, 0) + micros(children, 0), micros(self, 16) + micros(children, 16));
                }
            } catch (Throwable t) {
                // fall back to the JDK's figure
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return new CpuTimes(Math.max(0, os.getProcessCpuTime() / 1000), 0);
        }
        return new CpuTimes(0, 0);
    }

    private static long micros(MemorySegment timeval, long offset) {
        return timeval.get(JAVA_LONG, offset) * 1_000_000 + timeval.get(JAVA_LONG, offset + 8);
    }

    /** What was used between {@code before} and this. */
    CpuTimes since(CpuTimes before) {
        return new CpuTimes(Math.max(0, userMicros - before.userMicros), Math.max(0, systemMicros - before.systemMicros));
    }
}
