package org.oasm.substrate.exec;

import java.util.List;
import java.util.Map;
import org.oasm.substrate.CommandEvent;
import org.oasm.substrate.parse.Node;

/**
 * One command of a pipeline while it runs: what it resolved to, its descriptors, and its
 * process or thread. Mutable, owned by one {@link PipelineRunner} run.
 */
final class Stage {

    /** Runs a command inside the cockpit with fully resolved descriptors. */
    @FunctionalInterface
    interface Internal {
        int run(IoContext io, ShellState state) throws Exception;

        /** A deferred run, for wrappers. */
        @FunctionalInterface
        interface Body {
            int run() throws Exception;
        }
    }

    final Node.Simple node;
    final int index;
    List<String> argv = List.of();
    Map<String, String> extraEnv = Map.of();
    IoContext io;
    List<String> externalArgv;
    /** The file an external command runs, and its argv[0] as typed. */
    java.nio.file.Path program;
    String programName;
    /** A process started by {@link NativeSpawn}: its id, and whether a signal ended it. */
    boolean nativeSpawned;
    long pid = -1;
    boolean signaled;
    /** What the kernel counted for a program this shell waited for itself: CPU microseconds, peak kilobytes (-1: unknown). */
    long cpuMicros = -1;
    long peakRssKb = -1;
    Internal internal;
    Process process;
    Thread thread;
    volatile int status;
    CommandEvent event;
    long startNanos;
    java.nio.file.Path cwd;
    Map<String, String> environment;
    /** An exit or abort raised by the command, re-thrown when it ran in the shell itself. */
    RuntimeException exit;
    /** The status of the command's last {@code $(...)}. */
    volatile int substitutionStatus;

    Stage(Node.Simple node, int index) {
        this.node = node;
        this.index = index;
    }

    boolean external() {
        return externalArgv != null;
    }
}
