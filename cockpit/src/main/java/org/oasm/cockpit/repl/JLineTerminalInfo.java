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

    private final Terminal terminal;
    /**
     * How long after a program ended a Ctrl-C is still taken as the one that ended it: the JVM
     * runs signal handlers on a thread of its own, so the SIGINT that killed the program can be
     * handled after the cockpit has seen the program end, and must not interrupt what follows.
     */
    private static final long SIGNAL_RACE_NANOS = 200_000_000L;

    private volatile boolean programRunning;
    private volatile long programEndedAt = System.nanoTime() - SIGNAL_RACE_NANOS;
    private volatile Thread commandThread;

    public JLineTerminalInfo(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public boolean isTerminal(int fd) {
        return !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
                && (fd != 0 || Boolean.getBoolean("oasm.stdin.tty"))
                && (fd != 1 || Boolean.getBoolean("oasm.stdout.tty"));
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
        programEndedAt = System.nanoTime();
        programRunning = false;
        if (terminal.canPauseResume()) {
            terminal.resume();
        }
    }

    /** The thread that runs the current line, or null between lines. */
    void commandThread(Thread t) {
        commandThread = t;
    }

    /**
     * Ctrl-C while a line runs. A program in the foreground receives SIGINT from the terminal
     * itself and decides what to do (an editor may ignore it); a builtin or {@code oasm} command
     * is interrupted.
     */
    void interruptForeground() {
        Thread t = commandThread;
        if (t != null && !programRunning && System.nanoTime() - programEndedAt > SIGNAL_RACE_NANOS) {
            t.interrupt();
        }
    }
}
