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
            if (!options.debug()) {
                // JLine reports through java.util.logging; its warnings are not for the user's screen
                java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.OFF);
            }
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
