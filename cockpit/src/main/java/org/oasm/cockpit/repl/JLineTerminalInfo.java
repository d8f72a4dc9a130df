package org.oasm.cockpit.repl;

import org.jline.terminal.Terminal;
import org.oasm.substrate.exec.TerminalInfo;

/**
 * Answers the substrate's questions about the terminal from JLine, hands the terminal to
 * foreground programs and takes it back, and routes Ctrl-C: while a foreground command runs, the
 * terminal delivers SIGINT to the program itself (it shares the foreground process group); the
 * cockpit only interrupts its own waiting thread.
 *
 * <p>While a program runs, JLine's input pump is paused, so that no keystroke meant for an editor
 * or {@code less} is read by the cockpit; the terminal is in the mode it has between lines
 * (JLine leaves raw mode when a line is accepted). For the next line the line reader sets up its
 * own mode again, whatever the program did to the terminal.
 */
public final class JLineTerminalInfo implements TerminalInfo {

    /** How long {@link #settleInterrupt} waits for the cockpit's own SIGINT at most. */
    private static final long SETTLE_MILLIS = 500;

    private final Terminal terminal;
    private volatile boolean programRunning;
    private final Object interrupts = new Object();
    private long interruptsSeen;          // guarded by interrupts
    private long interruptsAtLineStart;   // guarded by interrupts
    private volatile Thread commandThread;

    public JLineTerminalInfo(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public boolean isTerminal(int fd) {
        return !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
                && (fd != 0 || Boolean.getBoolean("oasm.stdin.tty"))
                && (fd != 1 || Boolean.getBoolean("oasm.stdout.tty"))
                && (fd != 2 || Boolean.getBoolean("oasm.stderr.tty"));
    }

    @Override
    public int columns() {
        int w = terminal.getWidth();
        return w > 0 ? w : 80;
    }

    @Override
    public void foregroundStarted() {
        programRunning = true;
        if (terminal.canPauseResume()) {
            terminal.pause();
        }
    }

    @Override
    public void foregroundEnded() {
        programRunning = false;
        if (terminal.canPauseResume()) {
            terminal.resume();
        }
    }

    /** The thread that runs the current line, or null between lines. */
    void commandThread(Thread t) {
        if (t != null) {
            synchronized (interrupts) {
                interruptsAtLineStart = interruptsSeen;
            }
        }
        commandThread = t;
    }

    /**
     * After a line that ended with status 130: waits (half a second at most) until the cockpit has
     * handled the SIGINT that the terminal sent it along with the program, then clears the
     * thread's interrupt. The JVM runs signal handlers on a thread of its own, so that SIGINT can
     * be handled after the program's end has been seen; handled during the next line's editing,
     * it would abort that line (the prompt drawn twice, a typed key lost).
     */
    void settleInterrupt() {
        synchronized (interrupts) {
            long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
            while (interruptsSeen == interruptsAtLineStart) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;   // not in the terminal's foreground group, or a program that exited 130 itself
                }
                try {
                    interrupts.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    // the handler's own interrupt of this thread: the wait goes on, the flag is cleared below
                }
            }
        }
        Thread.interrupted();
    }

    /**
     * Ctrl-C while a line runs. A program in the foreground receives SIGINT from the terminal
     * itself and decides what to do (an editor may ignore it); a builtin or {@code oasm} command
     * is interrupted.
     */
    void interruptForeground() {
        Thread t = commandThread;
        if (t != null && !programRunning) {
            t.interrupt();
        }
        synchronized (interrupts) {
            interruptsSeen++;
            interrupts.notifyAll();
        }
    }
}
