package org.oasm.bridge;

import java.time.Duration;

/**
 * Limits of every call, unless the bindings manifest gives a module its own time limit.
 *
 * @param timeLimit      wall-clock time a call may take before it is cancelled
 * @param memoryLimit    bytes by which a call may grow the live heap (see {@link CallWatchdog})
 * @param statementLimit Python statements a call may execute, 0 for no limit (counting costs
 *                       time on every statement, so it is off unless asked for)
 */
public record BridgeOptions(Duration timeLimit, long memoryLimit, long statementLimit) {

    /** 60 seconds, 1 GiB of heap growth, no statement limit. */
    public static final BridgeOptions DEFAULTS = new BridgeOptions(Duration.ofSeconds(60), 1L << 30, 0);

    public BridgeOptions withTimeLimit(Duration d) {
        return new BridgeOptions(d, memoryLimit, statementLimit);
    }

    public BridgeOptions withMemoryLimit(long bytes) {
        return new BridgeOptions(timeLimit, bytes, statementLimit);
    }

    public BridgeOptions withStatementLimit(long statements) {
        return new BridgeOptions(timeLimit, memoryLimit, statements);
    }
}
