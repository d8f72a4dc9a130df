package org.oasm.cockpit;

/**
 * Entry point of {@code ./oasm}. Parses the command line into {@link LaunchOptions}, then hands
 * over to the {@link Cockpit}. Every user-facing error goes through {@link ErrorReporter}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The JDK's first process start looks up a System.Logger for "java.lang.ProcessBuilder",
        // which scans every jar of the class path for a LoggerFinder: tens of milliseconds that a
        // `-c` line would otherwise wait for. Done here, it overlaps the profile and the log.
        Thread.ofPlatform().daemon().name("oasm-warm-up").start(
                () -> System.getLogger("java.lang.ProcessBuilder").isLoggable(System.Logger.Level.DEBUG));
        int status;
        LaunchOptions options = null;
        try {
            options = LaunchOptions.parse(args);
            status = Cockpit.start(options);
        } catch (LaunchOptions.UsageException e) {
            ErrorReporter.usage(e.getMessage());
            status = 2;
        } catch (Throwable t) {
            status = ErrorReporter.report(t, options != null && options.debug());
        }
        System.out.flush();
        System.exit(status);
    }
}
