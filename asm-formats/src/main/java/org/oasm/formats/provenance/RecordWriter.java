package org.oasm.formats.provenance;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The one thread that turns an {@link ExecutionLog}'s queued events into lines and writes them:
 * building a record's JSON (and redacting it) costs more than queueing it, and on a cockpit that
 * runs commands back to back it can happen on the other core. The queue is FIFO, so lines are
 * written in the order the events were queued (their seq order); it never discards, and blocks
 * the caller only when full. {@link #close()} writes everything queued before it returns.
 */
final class RecordWriter implements AutoCloseable {

    private static final int QUEUE_SIZE = 8192;
    private static final Runnable END = () -> { };

    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final Thread thread;

    RecordWriter(String name) {
        thread = Thread.ofPlatform().daemon().name(name).start(this::drain);
    }

    /** Queues one write; runs it in the caller when called from the writer itself (a hook in a write). */
    void submit(Runnable write) {
        if (Thread.currentThread() == thread) {
            write.run();
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(write);
                break;
            } catch (InterruptedException e) {
                interrupted = true;   // a Ctrl-C in the caller must not lose the record
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                continue;
            }
            if (next == END) {
                return;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // a record that cannot be built or written is lost alone; logback reports I/O errors itself
            }
        }
    }

    /** Writes everything queued, then stops the thread. */
    @Override
    public void close() {
        submit(END);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
