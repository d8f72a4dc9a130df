package org.oasm.cockpit;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.oasm.substrate.Shell;
import sun.misc.Signal;

/**
 * What SIGTERM (a container being stopped) and SIGHUP (its terminal gone) do to a cockpit: the
 * programs it started get SIGTERM, no further command starts, the running line ends with the
 * signal's status (143 or 129) and is recorded as Cancelled, the session's last record is
 * written and everything queued flushed, and the process exits with that status, all within two
 * seconds. The JVM's own handling would run the shutdown hooks at once, racing the line that is
 * still being recorded, and leave the programs running.
 */
final class Termination {

    /** How long programs get to end after SIGTERM before they are killed. */
    private static final long PROGRAMS_GRACE_MILLIS = 700;
    /** How long the running line gets to record its end after its programs stopped. */
    private static final long LINE_GRACE_MILLIS = 700;

    private final Shell shell;
    private final IntConsumer finish;
    private final Thread commandThread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean terminating = new AtomicBoolean();
    private volatile int requested;

    private Termination(Shell shell, IntConsumer finish, Thread commandThread) {
        this.shell = shell;
        this.finish = finish;
        this.commandThread = commandThread;
    }

    /**
     * Handles SIGTERM and SIGHUP for a cockpit whose lines run on {@code commandThread};
     * {@code finish} writes the session's end with a status (it must be safe to call twice).
     */
    static Termination install(Shell shell, IntConsumer finish, Thread commandThread) {
        Termination t = new Termination(shell, finish, commandThread);
        for (String name : List.of("TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), sig -> t.terminate(128 + sig.getNumber()));
            } catch (IllegalArgumentException e) {
                // the signal is not available here (or reserved by the JVM): its default applies
            }
        }
        return t;
    }

    /**
     * The status the session ends with: the signal's when one came (its end of input, say, may
     * have arrived at the same moment), otherwise {@code status}.
     */
    int status(int status) {
        int r = requested;
        return r != 0 ? r : status;
    }

    /** The command thread has written the session's end: termination need not wait any longer. */
    void finished() {
        finished.countDown();
    }

    private void terminate(int status) {
        if (!terminating.compareAndSet(false, true)) {
            return;
        }
        requested = status;
        Thread.ofPlatform().name("oasm-termination").start(() -> {
            boolean lineRunning = shell.busy();
            shell.terminate(status);
            stopPrograms();
            if (lineRunning) {
                commandThread.interrupt();
                try {
                    finished.await(LINE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            finish.accept(status);
            System.exit(status);
        });
    }

    /**
     * SIGTERM to every process the cockpit started and theirs (as a terminal's hangup reaches its
     * whole foreground group), SIGKILL to those still there after the grace.
     */
    private static void stopPrograms() {
        List<ProcessHandle> programs = ProcessHandle.current().descendants().toList();
        programs.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROGRAMS_GRACE_MILLIS);
        for (ProcessHandle p : programs) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // still running after the grace, or its end could not be awaited: killed below
            }
        }
        programs.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
