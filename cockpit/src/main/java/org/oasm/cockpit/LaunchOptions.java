package org.oasm.cockpit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the cockpit was started: the contract's "Ways to run it". Options come first; then
 * {@code -c LINE}, a session file with its arguments, or an {@code oasm} subcommand with its own.
 */
public record LaunchOptions(Path root, boolean debug, boolean noProvenance, boolean logStdout, Mode mode,
        String command, Path file, List<String> args) {

    /** What to run. */
    public enum Mode { INTERACTIVE, COMMAND_STRING, SESSION_FILE, SUBCOMMAND, TRAIN, RESIDENT }

    /** A command line the cockpit cannot make sense of (exit status 2). */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static LaunchOptions parse(String[] argv) {
        Path root = null;
        boolean debug = false;
        boolean noProv = false;
        boolean logStdout = false;
        int i = 0;
        for (; i < argv.length; i++) {
            String a = argv[i];
            switch (a) {
                case "--root" -> {
                    if (i + 1 >= argv.length) {
                        throw new UsageException("--root needs a folder");
                    }
                    root = Path.of(argv[++i]);
                }
                case "--debug" -> debug = true;
                case "--no-provenance" -> noProv = true;
                case "--log-stdout" -> logStdout = true;
                default -> {
                    if (a.startsWith("--root=")) {
                        root = Path.of(a.substring(7));
                        continue;
                    }
                    return rest(argv, i, root, debug, noProv, logStdout);
                }
            }
        }
        return new LaunchOptions(root, debug, noProv, logStdout, Mode.INTERACTIVE, null, null, List.of());
    }

    private static LaunchOptions rest(String[] argv, int i, Path root, boolean debug, boolean noProv, boolean logStdout) {
        String a = argv[i];
        List<String> tail = new ArrayList<>(List.of(argv).subList(i + 1, argv.length));
        if (a.equals("-c")) {
            if (tail.isEmpty()) {
                throw new UsageException("-c: option requires an argument");
            }
            String line = tail.removeFirst();
            return new LaunchOptions(root, debug, noProv, logStdout, Mode.COMMAND_STRING, line, null, tail);
        }
        if (a.equals("--serve-resident")) {
            return new LaunchOptions(root, debug, noProv, logStdout, Mode.RESIDENT, null, null, tail);
        }
        if (a.equals("--aot-training")) {
            return new LaunchOptions(root, debug, noProv, logStdout, Mode.TRAIN, null, null, tail);
        }
        if (a.equals("-h") || a.equals("--help")) {
            return new LaunchOptions(root, debug, noProv, logStdout, Mode.SUBCOMMAND, "help", null, List.of());
        }
        if (a.startsWith("-")) {
            throw new UsageException(a + ": unknown option (try: oasm help)");
        }
        if (a.endsWith(".oasm") || a.endsWith(".sh") || a.endsWith(".ps1") || a.contains("/")) {
            return new LaunchOptions(root, debug, noProv, logStdout, Mode.SESSION_FILE, null, Path.of(a), tail);
        }
        return new LaunchOptions(root, debug, noProv, logStdout, Mode.SUBCOMMAND, a, null, tail);
    }
}
