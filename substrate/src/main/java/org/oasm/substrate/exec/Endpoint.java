package org.oasm.substrate.exec;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Where one file descriptor of a command points: the cockpit's own descriptor, a file, or a Java
 * stream (a pipe to or from a builtin, or captured output). Processes get real OS redirections for
 * the first two kinds; only the third needs a thread to copy bytes.
 */
public sealed interface Endpoint {

    /** The cockpit process's own descriptor 0, 1 or 2, passed to children as it is. */
    record Inherit(int fd) implements Endpoint { }

    /** A file, opened for reading or (already truncated if asked) for appending. */
    record FileEndpoint(Path path, boolean forReading) implements Endpoint { }

    /**
     * A Java stream; exactly one of the two is set. {@code owned} streams belong to the command
     * (the pipe to its neighbour) and are closed when it ends, which is the reader's end of file;
     * others (a caller's capture buffer) are only flushed.
     */
    record Stream(InputStream in, OutputStream out, boolean owned) implements Endpoint {
        public static Stream reading(InputStream in) {
            return new Stream(in, null, false);
        }

        public static Stream writing(OutputStream out) {
            return new Stream(null, out, false);
        }
    }

    /** Nothing: reads see end of file, writes are discarded. */
    record Null() implements Endpoint { }

    /**
     * The not-yet-connected end of the pipe between stage {@code boundary} and the next one of a
     * pipeline; the pipeline runner replaces it with an OS pipe or a Java stream.
     */
    record Pipe(int boundary) implements Endpoint { }
}
