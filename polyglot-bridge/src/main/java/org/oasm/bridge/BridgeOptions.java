package org.oasm.bridge;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits of every call, unless the bindings manifest gives a module its own time limit, and where
 * compiled Python is kept between processes.
 *
 * @param timeLimit      wall-clock time a call may take before it is cancelled
 * @param memoryLimit    bytes by which a call may grow the live heap (see {@link CallWatchdog})
 * @param statementLimit Python statements a call may execute, 0 for no limit (counting costs
 *                       time on every statement, so it is off unless asked for)
 * @param bytecodeCache  folder for the bytecode of the standard library modules and of the
 *                       bundled modules, or null for none (then every process compiles them from
 *                       source again); Python may read it, and write it only while the bridge
 *                       loads modules, never during a call
 */
public record BridgeOptions(Duration timeLimit, long memoryLimit, long statementLimit, Path bytecodeCache) {

    /** 60 seconds, 1 GiB of heap growth, no statement limit, no bytecode cache. */
    public static final BridgeOptions DEFAULTS = new BridgeOptions(Duration.ofSeconds(60), 1L << 30, 0, null);

    public BridgeOptions(Duration timeLimit, long memoryLimit, long statementLimit) {
        this(timeLimit, memoryLimit, statementLimit, null);
    }

    public BridgeOptions withTimeLimit(Duration d) {
        return new BridgeOptions(d, memoryLimit, statementLimit, bytecodeCache);
    }

    public BridgeOptions withMemoryLimit(long bytes) {
        return new BridgeOptions(timeLimit, bytes, statementLimit, bytecodeCache);
    }

    public BridgeOptions withStatementLimit(long statements) {
        return new BridgeOptions(timeLimit, memoryLimit, statements, bytecodeCache);
    }

    /**
     * The user's bytecode cache: the system property {@code oasm.python.cache} when set ({@code none}
     * for no cache), else {@code $XDG_CACHE_HOME/oasm/python}, else {@code ~/.cache/oasm/python}.
     * Returns null for none.
     */
    public static Path userCache() {
        String given = System.getProperty("oasm.python.cache");
        if (given != null) {
            return given.isBlank() || given.equals("none") ? null : Path.of(given);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "oasm", "python");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "oasm", "python");
    }

    /** The same options with a bytecode cache in {@code folder} (created when missing), or none for null. */
    public BridgeOptions withBytecodeCache(Path folder) {
        return new BridgeOptions(timeLimit, memoryLimit, statementLimit,
                folder == null ? null : folder.toAbsolutePath().normalize());
    }
}
