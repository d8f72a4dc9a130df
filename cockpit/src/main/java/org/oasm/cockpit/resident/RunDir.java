package org.oasm.cockpit.resident;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The folder through which the launcher reaches a resident cockpit: {@code cockpit/target/resident}
 * of the checkout (one resident cockpit per build), or {@code OASM_RESIDENT_DIR}. It holds
 * <ul>
 *   <li>{@code requests}, a FIFO: each line is the process id of a launcher waiting to be served,
 *       or {@code stop}, which ends the resident cockpit once the request it serves is done. The
 *       launcher writes its line from a subshell: bash points its own stdout at the FIFO while a
 *       redirected builtin writes, and that is when the line is read and the launcher's stdout
 *       reopened;</li>
 *   <li>{@code request.PID}: that launcher's terminals ({@code 0}, {@code 1}, {@code 2} for those
 *       that are one) and its arguments, each ended by a NUL byte;</li>
 *   <li>{@code reply.PID}, a FIFO the launcher made: the line {@code exit N} when the command ended
 *       with status N, or {@code declined REASON} when the launcher is to run it itself;</li>
 *   <li>{@code pid}: the resident cockpit's process id, written once it has warmed up;
 *       {@code status}: what it has served; {@code log}: its own standard output and error.</li>
 * </ul>
 * The folder is the user's alone (mode 700): whoever can write in it can run commands as them.
 */
public record RunDir(Path path) {

    /** The run folder of the launcher at {@code launcher}, or the one {@code env} names. */
    public static RunDir of(Path launcher, Map<String, String> env) {
        String override = env.get("OASM_RESIDENT_DIR");
        if (override != null && !override.isBlank()) {
            return new RunDir(Path.of(override).toAbsolutePath());
        }
        return new RunDir(launcher.toAbsolutePath().getParent().resolve("cockpit/target/resident"));
    }

    public Path requests() {
        return path.resolve("requests");
    }

    public Path request(long pid) {
        return path.resolve("request." + pid);
    }

    public Path reply(long pid) {
        return path.resolve("reply." + pid);
    }

    public Path pidFile() {
        return path.resolve("pid");
    }

    public Path status() {
        return path.resolve("status");
    }

    public Path log() {
        return path.resolve("log");
    }

    /** The resident cockpit serving this folder, if one has warmed up and still runs. */
    public Optional<ProcessHandle> running() {
        try {
            long pid = Long.parseLong(Files.readString(pidFile()).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
