package org.oasm.substrate.exec;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.oasm.substrate.expand.Expander;
import org.oasm.substrate.expand.ExpansionException;
import org.oasm.substrate.parse.Redirect;

/**
 * Applies a command's redirections, left to right, to the descriptors it inherits. Files are
 * opened (created, truncated) at this point, as the shell does before the command starts, so a
 * failed command still leaves its {@code >file} behind, empty.
 */
final class Redirections {

    private Redirections() {
    }

    /** A redirection that could not be made; the command does not run (status 1). */
    static final class RedirectionException extends Exception {
        RedirectionException(String message) {
            super(message, null, false, false);
        }
    }

    static IoContext apply(List<Redirect> redirects, IoContext base, Expander expander, Path cwd)
            throws RedirectionException {
        IoContext io = base;
        for (Redirect r : redirects) {
            if (r.kind() == Redirect.Kind.DUPLICATE) {
                String t = r.target().literalText();
                io = with(io, r.fd(), t.equals("-") ? new Endpoint.Null() : io.get(fdNumber(t)));
                continue;
            }
            String name;
            try {
                name = expander.expandTarget(r.target());
            } catch (ExpansionException e) {
                throw new RedirectionException(e.getMessage());
            }
            Path file = cwd.resolve(name);
            Endpoint standard = standardStream(name, io);
            if (standard != null && r.kind() != Redirect.Kind.WRITE_BOTH && r.kind() != Redirect.Kind.APPEND_BOTH) {
                io = with(io, r.fd(), standard);
                continue;
            }
            switch (r.kind()) {
                case READ -> {
                    if (!Files.exists(file)) {
                        throw new RedirectionException(name + ": No such file or directory");
                    }
                    if (!Files.isReadable(file)) {
                        throw new RedirectionException(name + ": Permission denied");
                    }
                    io = with(io, r.fd(), new Endpoint.FileEndpoint(file, true));
                }
                case WRITE, APPEND -> {
                    open(name, file, r.kind() == Redirect.Kind.WRITE);
                    io = with(io, r.fd(), writeEndpoint(file));
                }
                case WRITE_BOTH, APPEND_BOTH -> {
                    open(name, file, r.kind() == Redirect.Kind.WRITE_BOTH);
                    Endpoint e = writeEndpoint(file);
                    io = io.with(1, e).with(2, e);
                }
                default -> throw new IllegalStateException(r.kind().toString());
            }
        }
        return io;
    }

    /**
     * Descriptors above 2 are opened (so {@code 3>f} still creates f) but not passed on: builtins
     * only have three, and the JDK's process launcher cannot hand a program more.
     */
    private static IoContext with(IoContext io, int fd, Endpoint e) {
        return fd <= 2 ? io.with(fd, e) : io;
    }

    /** {@code /dev/stdout} and friends name the command's current descriptors, as on Linux. */
    private static Endpoint standardStream(String name, IoContext io) {
        return switch (name) {
            case "/dev/stdin", "/dev/fd/0" -> io.in();
            case "/dev/stdout", "/dev/fd/1" -> io.out();
            case "/dev/stderr", "/dev/fd/2" -> io.err();
            default -> null;
        };
    }

    private static Endpoint writeEndpoint(Path file) {
        if (file.toString().equals("/dev/null")) {
            return new Endpoint.Null();
        }
        return new Endpoint.FileEndpoint(file, false);
    }

    private static int fdNumber(String t) throws RedirectionException {
        int fd = Integer.parseInt(t);
        if (fd > 2) {
            throw new RedirectionException(fd + ": Bad file descriptor");
        }
        return fd;
    }

    private static void open(String name, Path file, boolean truncate) throws RedirectionException {
        if (Files.isDirectory(file)) {
            throw new RedirectionException(name + ": Is a directory");
        }
        if (file.startsWith("/dev/")) {
            return;
        }
        try {
            if (truncate) {
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE).close();
            } else if (!Files.exists(file)) {
                Files.createFile(file);
            }
        } catch (NoSuchFileException e) {
            throw new RedirectionException(name + ": No such file or directory");
        } catch (AccessDeniedException e) {
            throw new RedirectionException(name + ": Permission denied");
        } catch (IOException e) {
            throw new RedirectionException(name + ": " + e.getMessage());
        }
    }
}
