package org.oasm.cockpit.selftest;

/**
 * One check of the self-test: a name and a body that returns what it found (one line), throws
 * {@link Failed} with the evidence, or {@link Skipped} with the reason it cannot run here.
 */
record Check(String group, String name, Body body) {

    /** What a check does. */
    @FunctionalInterface
    interface Body {
        String run() throws Exception;
    }

    /** The check found a problem: a one-line message and the evidence (command output, file names). */
    static final class Failed extends Exception {
        private final String detail;

        Failed(String message, String detail) {
            super(message);
            this.detail = detail == null ? "" : detail;
        }

        Failed(String message) {
            this(message, "");
        }

        String detail() {
            return detail;
        }
    }

    /** The check cannot run on this machine (a program it needs is not installed). */
    static final class Skipped extends Exception {
        Skipped(String reason) {
            super(reason);
        }
    }

    /** Throws {@link Failed} unless {@code condition} holds. */
    static void expect(boolean condition, String message, String detail) throws Failed {
        if (!condition) {
            throw new Failed(message, detail);
        }
    }
}
