package org.oasm.cockpit.selftest;

/**
 * How one check of the self-test ended: a JUnit test case in the report.
 *
 * @param group   what the check belongs to ({@code templates.run}), the report's class name
 * @param name    the check within its group ({@code fix_unsafe_blocks})
 * @param message one line: why it failed or was skipped, or what it found when it passed
 * @param detail  the evidence of a failure (the command's output), empty otherwise
 */
public record CheckResult(String group, String name, Status status, long millis, String message, String detail) {

    /**
     * The outcomes a JUnit report knows: a check that found a problem fails; one that broke
     * with an unexpected exception is an error; one that cannot run here is skipped.
     */
    public enum Status { PASSED, FAILED, ERROR, SKIPPED }

    /** {@code group.name}, as the table and the summary show it. */
    public String id() {
        return group + "." + name;
    }
}
