package org.oasm.substrate.exec;

/**
 * The three standard descriptors a command starts with. Redirections produce a new context; the
 * original is never changed.
 */
public record IoContext(Endpoint in, Endpoint out, Endpoint err) {

    /** The cockpit's own stdin, stdout and stderr. */
    public static IoContext inherited() {
        return new IoContext(new Endpoint.Inherit(0), new Endpoint.Inherit(1), new Endpoint.Inherit(2));
    }

    public Endpoint get(int fd) {
        return switch (fd) {
            case 0 -> in;
            case 1 -> out;
            case 2 -> err;
            default -> throw new IllegalArgumentException("fd " + fd);
        };
    }

    public IoContext with(int fd, Endpoint e) {
        return switch (fd) {
            case 0 -> new IoContext(e, out, err);
            case 1 -> new IoContext(in, e, err);
            case 2 -> new IoContext(in, out, e);
            default -> throw new IllegalArgumentException("fd " + fd);
        };
    }
}
