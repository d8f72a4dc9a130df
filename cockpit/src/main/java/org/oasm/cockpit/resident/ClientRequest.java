package org.oasm.cockpit.resident;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oasm.substrate.exec.TerminalInfo;

/**
 * One {@code ./oasm ARGS} a launcher asks the resident cockpit to run, as if the launcher had
 * started a JVM for it: the launcher's folder and environment (read from {@code /proc}, as the
 * process it would have started would have inherited them), its arguments, and its standard
 * descriptors, which the command writes to and reads from through {@code /proc/PID/fd}.
 */
public record ClientRequest(long pid, Path cwd, Map<String, String> env, List<String> args, String terminals) {

    /** Why a request cannot be served here: the launcher then runs the command itself. */
    public static final class Declined extends Exception {
        public Declined(String reason) {
            super(reason);
        }
    }

    /**
     * The request of launcher {@code pid}, whose request file held {@code raw}. Declined when that
     * process is gone or is not this user's, or when its folder was deleted.
     */
    public static ClientRequest read(long pid, byte[] raw, int uid) throws Declined {
        Path proc = proc(pid);
        try {
            if (((Number) Files.getAttribute(proc, "unix:uid")).intValue() != uid) {
                throw new Declined("process " + pid + " is not this user's");
            }
            Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
            if (!Files.isDirectory(cwd)) {
                throw new Declined("the folder of process " + pid + " is gone");
            }
            List<String> fields = split(raw);
            if (fields.isEmpty()) {
                throw new Declined("empty request");
            }
            Map<String, String> env = new LinkedHashMap<>();
            for (String entry : split(Files.readAllBytes(proc.resolve("environ")))) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return new ClientRequest(pid, cwd, env, fields.subList(1, fields.size()), fields.getFirst());
        } catch (IOException | RuntimeException e) {
            throw new Declined("process " + pid + " cannot be read: " + e.getMessage());
        }
    }

    private static List<String> split(byte[] raw) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                out.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }

    /** The launcher's descriptor {@code fd}, as a path this process can open. */
    public Path fd(int fd) {
        return proc(pid).resolve("fd/" + fd);
    }

    /**
     * Checks that the launcher's standard descriptors can be the command's. Declined when one
     * cannot be opened from here (a socket, or a descriptor the launcher was started without), or
     * when stdout or stderr is a file opened without {@code >>}.
     */
    public void checkDescriptors() throws Declined {
        for (int fd = 0; fd <= 2; fd++) {
            if (!Files.exists(fd(fd))) {
                throw new Declined("descriptor " + fd + " is closed");
            }
            if (fd > 0 && Files.isRegularFile(fd(fd)) && !appends(fd)) {
                // written here through a file description of its own, the launcher's offset would
                // stay where it was, and what the launcher's shell writes next would overwrite it
                throw new Declined("descriptor " + fd + " is a file opened without O_APPEND");
            }
            try (var probe = fd == 0 ? Files.newInputStream(fd(fd)) : new java.io.FileOutputStream(fd(fd).toFile(), true)) {
                // opened once: a socket or a descriptor of another kind fails here, before anything runs
            } catch (IOException | RuntimeException e) {
                throw new Declined("descriptor " + fd + " cannot be reopened: " + e.getMessage());
            }
        }
    }

    /** Whether the launcher's descriptor {@code fd} was opened for appending ({@code >>}). */
    private boolean appends(int fd) {
        try {
            for (String line : Files.readAllLines(proc(pid).resolve("fdinfo/" + fd))) {
                if (line.startsWith("flags:")) {
                    return (Integer.parseInt(line.substring(6).strip(), 8) & O_APPEND) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown: as if not
        }
        return false;
    }

    /** Linux's O_APPEND, as /proc/PID/fdinfo shows it (octal). */
    private static final int O_APPEND = 02000;

    /** The launcher's terminals, as it found them with {@code [ -t N ]}. */
    public TerminalInfo terminal() {
        return new TerminalInfo() {
            @Override
            public boolean isTerminal(int fd) {
                return fd >= 0 && fd <= 2 && terminals.indexOf((char) ('0' + fd)) >= 0;
            }
        };
    }

    /** Whether the launcher still waits: a Ctrl-C or a kill ends it, and then the command. */
    public boolean clientAlive() {
        return Files.exists(proc(pid));
    }

    private static Path proc(long pid) {
        return Path.of("/proc", Long.toString(pid));
    }
}
