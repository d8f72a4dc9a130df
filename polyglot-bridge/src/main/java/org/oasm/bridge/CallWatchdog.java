package org.oasm.bridge;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;

/**
 * Watches one call and cancels it ({@link Context#close(boolean) close(true)}) when it runs past
 * its time limit or grows the heap past its memory bound.
 *
 * <p>The memory bound is what the community runtime allows: GraalPy's objects live in the
 * cockpit's own heap, and a per-context heap limit exists only in Oracle GraalVM's sandbox. So the
 * watchdog samples the old generation (where everything that survives a young collection ends
 * up) every {@value #PERIOD_MS} ms; when it has grown by more than the bound since the call
 * started, it asks for a full collection and cancels the call only if the live size, measured
 * right after that collection, is still over. The bound is therefore on retained heap growth
 * during the call, checked at most {@value #PERIOD_MS} ms late; a call that allocates faster than
 * that can reach the JVM's own {@code -Xmx} first, which the bridge reports the same way.
 */
final class CallWatchdog implements AutoCloseable {

    static final long PERIOD_MS = 20;

    /** Why the watchdog cancelled the call. */
    enum Reason { NONE, TIME, MEMORY }

    private final Context context;
    private final long deadline;
    private final long memoryLimit;
    private final MemoryPoolMXBean pool;
    private final long baseline;
    private final ScheduledFuture<?> task;
    private volatile Reason reason = Reason.NONE;
    private long lastGc;

    CallWatchdog(Context context, Duration timeLimit, long memoryLimit, ScheduledExecutorService timer) {
        this.context = context;
        this.deadline = System.nanoTime() + timeLimit.toNanos();
        this.memoryLimit = memoryLimit;
        this.pool = oldGeneration();
        this.baseline = used();
        this.task = timer.scheduleAtFixedRate(this::check, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private static MemoryPoolMXBean oldGeneration() {
        MemoryPoolMXBean any = null;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() != MemoryType.HEAP) {
                continue;
            }
            String n = p.getName();
            if (n.contains("Old") || n.contains("Tenured")) {
                return p;
            }
            any = any == null && p.isCollectionUsageThresholdSupported() ? p : any;
        }
        return any;
    }

    private long used() {
        if (pool != null) {
            return pool.getUsage().getUsed();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private void check() {
        if (reason != Reason.NONE) {
            return;
        }
        if (System.nanoTime() - deadline > 0) {
            cancel(Reason.TIME);
            return;
        }
        if (memoryLimit > 0 && used() - baseline > memoryLimit) {
            long now = System.nanoTime();
            if (now - lastGc > TimeUnit.SECONDS.toNanos(1)) {
                lastGc = now;
                System.gc();
            }
            long live = pool != null && pool.getCollectionUsage() != null ? pool.getCollectionUsage().getUsed() : used();
            if (live - baseline > memoryLimit) {
                cancel(Reason.MEMORY);
            }
        }
    }

    private void cancel(Reason r) {
        reason = r;
        task.cancel(false);
        try {
            context.close(true);
        } catch (RuntimeException ignored) {
            // the context may already be closing; the call sees the cancellation either way
        }
    }

    Reason reason() {
        return reason;
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}
