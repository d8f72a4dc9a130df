package org.oasm.cockpit;

/**
 * Entry point of {@code ./oasm}. Parses the command line into {@link LaunchOptions}, then hands
 * over to the {@link Cockpit}. Every user-facing error goes through {@link ErrorReporter}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
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
