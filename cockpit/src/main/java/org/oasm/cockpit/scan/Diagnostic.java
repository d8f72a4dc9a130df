package org.oasm.cockpit.scan;

import org.oasm.cockpit.rules.Severity;

/**
 * One finding of a scan, as the diagnostic index records it and {@code oasm scan} prints it
 * ({@code file:line:col severity rule message}).
 *
 * @param file        path relative to the scanned folder, {@code /}-separated
 * @param fingerprint stable id of the finding across scans: rule, file and the offending line's
 *                    text (not its position), with a counter for repeats
 * @param status      relative to a baseline ({@code new}, {@code unchanged}, {@code fixed}), or null
 */
public record Diagnostic(String ruleId, Severity severity, String file, int line, int column, String message,
        String fingerprint, String status) {

    public Diagnostic withStatus(String s) {
        return new Diagnostic(ruleId, severity, file, line, column, message, fingerprint, s);
    }

    public Diagnostic withFingerprint(String f) {
        return new Diagnostic(ruleId, severity, file, line, column, message, f, status);
    }

    /** {@code file:line:col severity rule message}. */
    public String render() {
        return file + ":" + line + ":" + column + " " + severity.json() + " " + ruleId + " " + message;
    }
}
