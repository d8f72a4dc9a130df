package org.oasm.substrate.exec;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Translates endpoints into what a process or a builtin gets. For processes, descriptors and
 * files become real OS redirections (no copying in Java); only Java streams need a pump thread.
 */
final class ProcessRedirects {

    private static final File DEV_STDOUT = new File("/dev/stdout");
    private static final File DEV_STDERR = new File("/dev/stderr");
    private static final File DEV_NULL = new File("/dev/null");

    private ProcessRedirects() {
    }

    static ProcessBuilder.Redirect forInput(Endpoint e) {
        return switch (e) {
            case Endpoint.Inherit i -> ProcessBuilder.Redirect.INHERIT;
            case Endpoint.FileEndpoint f -> ProcessBuilder.Redirect.from(f.path().toFile());
            case Endpoint.Null n -> ProcessBuilder.Redirect.from(DEV_NULL);
            case Endpoint.Stream s -> ProcessBuilder.Redirect.PIPE;
            case Endpoint.Pipe p -> ProcessBuilder.Redirect.PIPE;
        };
    }

    static ProcessBuilder.Redirect forOutput(Endpoint e, int fd) {
        return switch (e) {
            case Endpoint.Inherit i -> i.fd() == fd ? ProcessBuilder.Redirect.INHERIT
                    : ProcessBuilder.Redirect.appendTo(i.fd() == 2 ? DEV_STDERR : DEV_STDOUT);
            case Endpoint.FileEndpoint f -> ProcessBuilder.Redirect.appendTo(f.path().toFile());
            case Endpoint.Null n -> ProcessBuilder.Redirect.DISCARD;
            case Endpoint.Stream s -> ProcessBuilder.Redirect.PIPE;
            case Endpoint.Pipe p -> ProcessBuilder.Redirect.PIPE;
        };
    }

    /** A builtin's input stream for an endpoint (Pipe endpoints are resolved by the caller). */
    static InputStream openInput(Endpoint e) throws IOException {
        return switch (e) {
            case Endpoint.Inherit i -> new NonClosingInput(new FileInputStream(FileDescriptor.in));
            case Endpoint.FileEndpoint f -> new FileInputStream(f.path().toFile());
            case Endpoint.Stream s -> s.in();
            case Endpoint.Null n -> InputStream.nullInputStream();
            case Endpoint.Pipe p -> InputStream.nullInputStream();
        };
    }

    /** A builtin's output stream for an endpoint (Pipe endpoints are resolved by the caller). */
    static OutputStream openOutput(Endpoint e) throws IOException {
        return switch (e) {
            case Endpoint.Inherit i -> new NonClosingOutput(
                    new FileOutputStream(i.fd() == 2 ? FileDescriptor.err : FileDescriptor.out));
            case Endpoint.FileEndpoint f -> new FileOutputStream(f.path().toFile(), true);
            case Endpoint.Stream s -> s.owned() ? s.out() : new NonClosingOutput(s.out());
            case Endpoint.Null n -> OutputStream.nullOutputStream();
            case Endpoint.Pipe p -> OutputStream.nullOutputStream();
        };
    }

    static PrintStream print(OutputStream out) {
        return new PrintStream(new java.io.BufferedOutputStream(out, 8192), false, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Keeps the cockpit's own descriptors open when a builtin's stream is closed. */
    static final class NonClosingOutput extends java.io.FilterOutputStream {
        NonClosingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Keeps the cockpit's stdin open when a builtin's input stream is closed. */
    static final class NonClosingInput extends java.io.FilterInputStream {
        NonClosingInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
