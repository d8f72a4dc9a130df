package org.oasm.formats.provenance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread that turns an {@link ExecutionLog}'s queued events into lines and writes them:
 * building a record's JSON (and redacting it) costs more than queueing it, and on a cockpit that
 * runs commands back to back it can happen on the other core. The queue is FIFO, so lines are
 * written in the order the events were queued (their seq order); it never discards, and blocks
 * the caller only when full. {@link #close()} writes everything queued before it returns.
 *
 * <p>Waking a sleeping thread is what costs here, not the record: on a two-core virtual machine
 * each wake-up of an idle core is worth tens of microseconds, more than building and writing a
 * line. So the writer takes the queue in batches, runs {@code afterBatch} (one flush, so one
 * write() per batch) and then lingers for {@link #LINGER_MILLIS}: events queued meanwhile do not
 * wake it, the end of the linger does, and a script of fast commands costs one wake-up per
 * linger instead of one per record. Only an event queued while the writer sleeps with nothing
 * to do wakes it at once, so an interactive command's records are on disk as it runs, and none
 * waits longer than the linger. {@link #awaitWritten()} is for a reader that must see what was
 * queued before it (an {@code oasm history} of the same session).
 */
final class RecordWriter implements AutoCloseable {

    /** How long the writer waits for more events after a batch before it sleeps until woken. */
    static final long LINGER_MILLIS = 10;
    private static final int QUEUE_SIZE = 8192;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition room = lock.newCondition();
    private final Condition written = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final Runnable afterBatch;
    private final Thread thread;
    private boolean asleep;
    private boolean urgent;
    private boolean ending;
    private long queued;
    private long done;

    /**
     * @param afterBatch run after each batch of writes (a flush of the files), on the writer
     */
    RecordWriter(String name, Runnable afterBatch) {
        this.afterBatch = afterBatch;
        thread = Thread.ofPlatform().daemon().name(name).start(this::drain);
    }

    /** Queues one write; runs it in the caller when called from the writer itself (a hook in a write). */
    void submit(Runnable write) {
        if (Thread.currentThread() == thread) {
            write.run();
            return;
        }
        boolean interrupted = false;
        lock.lock();
        try {
            boolean writerDied = false;
            while (queue.size() >= QUEUE_SIZE && !writerDied) {
                // a writer killed by an Error in a write: lose the record rather than hang the shell
                writerDied = !thread.isAlive();
                urgent = true;
                work.signal();
                try {
                    room.await(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;   // a Ctrl-C in the caller must not lose the record
                }
            }
            if (!writerDied) {
                queue.add(write);
                queued++;
                if (asleep) {
                    work.signal();
                }
            }
        } finally {
            lock.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns once everything queued before the call is written (and flushed). */
    void awaitWritten() {
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean interrupted = false;
        lock.lock();
        try {
            long target = queued;
            while (done < target && thread.isAlive()) {
                urgent = true;
                work.signal();
                try {
                    written.await(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            lock.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<Runnable> batch = new ArrayList<>();
        boolean lingering = false;
        lock.lock();
        try {
            while (true) {
                if (queue.isEmpty()) {
                    if (ending) {
                        return;
                    }
                    if (lingering && !urgent) {
                        lingering = false;
                        awaitQuietly(LINGER_MILLIS);
                    } else {
                        urgent = false;
                        asleep = true;
                        awaitQuietly(0);
                        asleep = false;
                    }
                    continue;
                }
                batch.addAll(queue);
                queue.clear();
                room.signalAll();
                lock.unlock();
                try {
                    run(batch);
                } finally {
                    lock.lock();
                }
                done += batch.size();
                batch.clear();
                urgent = false;
                lingering = true;
                written.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private void run(List<Runnable> batch) {
        for (Runnable write : batch) {
            try {
                write.run();
            } catch (RuntimeException e) {
                // a record that cannot be built or written is lost alone; logback reports I/O errors itself
            }
        }
        try {
            afterBatch.run();
        } catch (RuntimeException e) {
            // as above: logback reports a failed flush itself
        }
    }

    /** Waits for work, {@code millis} at most (0: until signalled); interrupts do not stop the writer. */
    private void awaitQuietly(long millis) {
        try {
            if (millis == 0) {
                work.await();
            } else {
                work.await(millis, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            // the writer stops only through close()
        }
    }

    /** Writes everything queued, then stops the thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            ending = true;
            work.signal();
        } finally {
            lock.unlock();
        }
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
