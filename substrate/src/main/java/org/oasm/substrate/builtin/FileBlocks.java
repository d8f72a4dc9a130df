package org.oasm.substrate.builtin;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import org.oasm.substrate.exec.LinuxCalls;

/**
 * The 512-byte blocks a file occupies ({@code st_blocks} of {@code lstat(2)}), which GNU
 * {@code ls -l} adds up for its "total" line and which Java's file attributes do not carry. Read
 * through the FFM API from the C library on 64-bit Linux, where {@code struct stat} holds
 * {@code st_blocks} at byte 64 on both x86-64 and AArch64; elsewhere, or when the call fails,
 * {@link #of} answers -1 and the caller estimates.
 */
final class FileBlocks {

    private static final long ST_BLOCKS = 64;
    private static final long STAT_SIZE = 256;   // larger than struct stat on either machine
    private static final MethodHandle LSTAT =
            LinuxCalls.find("lstat", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)); // glibc 2.33 and later

    private FileBlocks() {
    }

    /** The file's {@code st_blocks} (the link itself for a symbolic link), or -1 when unknown. */
    static long of(Path file) {
        if (LSTAT == null) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stat = arena.allocate(STAT_SIZE, 8);
            int r = (int) LSTAT.invokeExact(arena.allocateFrom(file.toString()), stat);
            return r == 0 ? stat.get(JAVA_LONG, ST_BLOCKS) : -1;
        } catch (Throwable t) {
            return -1;
        }
    }
}
