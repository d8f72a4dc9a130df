package org.oasm.cockpit.resident;

import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.oasm.substrate.exec.Endpoint;
import org.oasm.substrate.exec.IoContext;
import org.oasm.substrate.exec.TerminalInfo;

/**
 * The launcher's standard descriptors as a served command reads and writes them, reopened
 * through {@code /proc/PID/fd}. Its stdout and stderr go quiet once the launcher has ended first
 * (Ctrl-C, a kill): a cancelled command still writes on its way out (the error its interrupted
 * read gave it, say), and on the user's terminal that would appear after the shell's next
 * prompt, where nothing appears when Ctrl-C ends a JVM of its own.
 */
final class LauncherStreams implements AutoCloseable {

    private final ClientRequest request;
    private final Endpoint.Stream out;
    private final Endpoint.Stream err;
    private final PrintStream errPrinter;
    private volatile boolean silenced;

    private LauncherStreams(ClientRequest request) throws IOException {
        this.request = request;
        OutputStream o = new FileOutputStream(request.fd(1).toFile(), true);
        OutputStream e;
        try {
            e = new FileOutputStream(request.fd(2).toFile(), true);
        } catch (IOException ex) {
            o.close();
            throw ex;
        }
        this.out = Endpoint.Stream.writing(new Quiet(o));
        this.err = Endpoint.Stream.writing(new Quiet(e));
        this.errPrinter = new PrintStream(err.out(), true, StandardCharsets.UTF_8);
    }

    /** The launcher's descriptors, checked ({@link ClientRequest#checkDescriptors}) and opened. */
    static LauncherStreams open(ClientRequest request) throws ClientRequest.Declined {
        request.checkDescriptors();
        try {
            return new LauncherStreams(request);
        } catch (IOException e) {
            throw new ClientRequest.Declined("the launcher's output cannot be opened: " + e.getMessage());
        }
    }

    /** The command's standard descriptors. */
    IoContext io() {
        return new IoContext(new Endpoint.FileEndpoint(request.fd(0), true), out, err);
    }

    /** The launcher's stderr, for what the cockpit itself reports. */
    PrintStream err() {
        return errPrinter;
    }

    /**
     * The launcher's terminals: a command writing to its stdout or stderr writes to a terminal
     * where the launcher's were one (so that a served {@code ./oasm convert F --to json} indents on
     * a terminal and draws its progress bar there).
     */
    TerminalInfo terminal() {
        TerminalInfo launcher = request.terminal();
        return new TerminalInfo() {
            @Override
            public boolean isTerminal(int fd) {
                return launcher.isTerminal(fd);
            }

            @Override
            public boolean isTerminal(Endpoint where) {
                if (where == out) {
                    return launcher.isTerminal(1);
                }
                if (where == err) {
                    return launcher.isTerminal(2);
                }
                return where instanceof Endpoint.FileEndpoint f && f.path().equals(request.fd(0)) ? launcher.isTerminal(0)
                        : TerminalInfo.super.isTerminal(where);
            }
        };
    }

    /** From now on, nothing more reaches the launcher's stdout or stderr. */
    void silence() {
        silenced = true;
    }

    @Override
    public void close() {
        errPrinter.flush();
        try {
            out.out().close();
        } catch (IOException e) {
            // the launcher is gone
        }
        errPrinter.close();
    }

    /** A stream that drops what is written to it once the launcher is gone. */
    private final class Quiet extends FilterOutputStream {
        Quiet(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (!silenced) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!silenced) {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!silenced) {
                out.flush();
            }
        }
    }
}
