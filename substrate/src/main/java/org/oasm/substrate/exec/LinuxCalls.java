package org.oasm.substrate.exec;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * Looks up C library functions for the few facts Java does not give ({@code st_blocks},
 * {@code getrusage}), on 64-bit Linux only, where the structures they fill have the layout the
 * callers read; elsewhere, or without native access, there is no handle and callers fall back.
 */
public final class LinuxCalls {

    private LinuxCalls() {
    }

    /** A handle for the C function {@code symbol}, or null. */
    public static MethodHandle find(String symbol, FunctionDescriptor descriptor) {
        String arch = System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                || !(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
            return null;
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(symbol).map(f -> linker.downcallHandle(f, descriptor)).orElse(null);
        } catch (RuntimeException | LinkageError e) {
            return null;   // no native access granted, or no such symbol
        }
    }
}
