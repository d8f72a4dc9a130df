package org.oasm.substrate.exec;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Starts programs with the C library's {@code posix_spawn} through the JDK's foreign function
 * interface, as a C shell does: one exec, the program's argv[0] as typed, descriptors set up by
 * file actions, and {@code wait4} that tells an exit from a signal (and what the program used). The JDK's own launcher
 * goes through a helper program first, which costs most of a millisecond per command; a file of
 * a thousand commands pays that a thousand times.
 *
 * <p>Making the downcall handles costs more than a short {@code -c} line takes, so they are made
 * on a background thread once the shell has started a few programs, and {@link #ready()} is null
 * until then; the JDK's launcher serves meanwhile, and wherever this one is not available (not
 * Linux, an old C library, {@code -Doasm.spawn=jdk}).
 */
final class NativeSpawn {

    /** Where a child's descriptor 0, 1 or 2 comes from. */
    sealed interface Source {
        /** The cockpit's own descriptor. */
        record Inherit(int fd) implements Source { }

        /** A file opened in the child with these open(2) flags. */
        record Open(String path, int flags) implements Source { }

        /** A descriptor of the cockpit (a pipe end), duplicated onto the child's. */
        record Descriptor(int fd) implements Source { }
    }

    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0100;
    static final int O_APPEND = 02000;
    private static final int O_CLOEXEC = 02000000;
    private static final short SETSIGDEF = 0x04;
    private static final short SETSIGMASK = 0x08;
    private static final int EINTR = 4;
    private static final int SCRATCH = 100;
    private static final int PROGRAMS_BEFORE_WARM_UP = 3;

    private static volatile NativeSpawn instance;
    private static volatile boolean started;
    private static int programs;

    private final MethodHandle spawn;
    private final MethodHandle faInit;
    private final MethodHandle faDestroy;
    private final MethodHandle faDup2;
    private final MethodHandle faOpen;
    private final MethodHandle faCloseFrom;
    private final MethodHandle faChdir;
    private final MethodHandle attrInit;
    private final MethodHandle attrDestroy;
    private final MethodHandle attrSetFlags;
    private final MethodHandle attrSetSigMask;
    private final MethodHandle attrSetSigDefault;
    private final MethodHandle sigEmpty;
    private final MethodHandle sigFill;
    private final MethodHandle waitpid;
    private final MethodHandle pipe2;
    private final MethodHandle close;
    private final MethodHandle kill;
    private final MethodHandle getrusage;
    private final StructLayout callState = Linker.Option.captureStateLayout();
    private final VarHandle errno = callState.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private NativeSpawn() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        Linker.Option errnoCapture = Linker.Option.captureCallState("errno");
        spawn = handle(linker, libc, "posix_spawn", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS));
        faInit = handle(linker, libc, "posix_spawn_file_actions_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        faDestroy = handle(linker, libc, "posix_spawn_file_actions_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        faDup2 = handle(linker, libc, "posix_spawn_file_actions_adddup2",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        faOpen = handle(linker, libc, "posix_spawn_file_actions_addopen",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
        faCloseFrom = handle(linker, libc, "posix_spawn_file_actions_addclosefrom_np",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        faChdir = handle(linker, libc, "posix_spawn_file_actions_addchdir_np",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        attrInit = handle(linker, libc, "posix_spawnattr_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        attrDestroy = handle(linker, libc, "posix_spawnattr_destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        attrSetFlags = handle(linker, libc, "posix_spawnattr_setflags", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
        attrSetSigMask = handle(linker, libc, "posix_spawnattr_setsigmask", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        attrSetSigDefault = handle(linker, libc, "posix_spawnattr_setsigdefault",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
        sigEmpty = handle(linker, libc, "sigemptyset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        sigFill = handle(linker, libc, "sigfillset", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        waitpid = linker.downcallHandle(libc.find("wait4").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS), errnoCapture);
        pipe2 = handle(linker, libc, "pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        close = handle(linker, libc, "close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
        kill = handle(linker, libc, "kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        getrusage = handle(linker, libc, "getrusage", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
    }

    private static MethodHandle handle(Linker linker, SymbolLookup libc, String name, FunctionDescriptor d) {
        return linker.downcallHandle(libc.find(name).orElseThrow(() -> new UnsupportedOperationException(name)), d);
    }

    /**
     * The native launcher when it is ready, else null. Counts the programs started: after a few
     * it begins making the launcher in the background.
     */
    static NativeSpawn ready() {
        NativeSpawn n = instance;
        if (n != null || started) {
            return n;
        }
        synchronized (NativeSpawn.class) {
            if (!started && ++programs >= PROGRAMS_BEFORE_WARM_UP) {
                started = true;
                if (usable()) {
                    Thread.ofPlatform().daemon().name("oasm-native-spawn").start(() -> {
                        try {
                            instance = new NativeSpawn();
                        } catch (RuntimeException | LinkageError e) {
                            // no native launcher here: the JDK's serves
                        }
                    });
                }
            }
        }
        return instance;
    }

    private static boolean usable() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        return os.equals("linux") && (arch.equals("amd64") || arch.equals("aarch64"))
                && !"jdk".equals(System.getProperty("oasm.spawn"))
                && NativeSpawn.class.getModule().isNativeAccessEnabled();
    }

    /** A pipe as two descriptors, read end first, both closed on exec. */
    int[] pipe() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            if ((int) pipe2.invokeExact(fds, O_CLOEXEC) != 0) {
                throw new IOException("cannot make a pipe");
            }
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        } catch (IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("cannot make a pipe: " + t, t);
        }
    }

    void close(int fd) {
        try {
            int ignored = (int) close.invokeExact(fd);
        } catch (Throwable t) {
            // nothing more to do with it
        }
    }

    void terminate(long pid) {
        try {
            int ignored = (int) kill.invokeExact((int) pid, 15);
        } catch (Throwable t) {
            // already gone
        }
    }

    /**
     * Starts {@code program} with this argv and environment in {@code cwd}, its descriptors 0-2
     * from {@code sources}, every other descriptor closed. Returns the process id, or the error
     * number posix_spawn gave as a negative value (the caller falls back to the JDK's launcher).
     */
    long spawn(String program, List<String> argv, Map<String, String> env, String cwd, Source[] sources) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(256, 16);
            MemorySegment attr = arena.allocate(512, 16);
            MemorySegment sigs = arena.allocate(256, 16);
            check((int) faInit.invokeExact(actions));
            check((int) attrInit.invokeExact(attr));
            try {
                // the cockpit's own 0-2 are first copied out of the way, so that setting up one
                // descriptor never changes what another is copied from (2>&1 after >file)
                int scratch = SCRATCH;
                for (Source src : sources) {
                    if (src instanceof Source.Descriptor(int from)) {
                        scratch = Math.max(scratch, from + 3);
                    }
                }
                for (int fd = 0; fd < 3; fd++) {
                    if (sources[fd] instanceof Source.Inherit(int from) && from != fd) {
                        check((int) faDup2.invokeExact(actions, from, scratch + from));
                    }
                }
                for (int fd = 0; fd < 3; fd++) {
                    switch (sources[fd]) {
                        case Source.Inherit(int from) -> {
                            if (from != fd) {
                                check((int) faDup2.invokeExact(actions, scratch + from, fd));
                            }
                        }
                        case Source.Open(String path, int flags) ->
                            check((int) faOpen.invokeExact(actions, fd, arena.allocateFrom(path), flags, 0666));
                        case Source.Descriptor(int from) -> check((int) faDup2.invokeExact(actions, from, fd));
                    }
                }
                check((int) faCloseFrom.invokeExact(actions, 3));
                check((int) faChdir.invokeExact(actions, arena.allocateFrom(cwd)));
                check((int) sigEmpty.invokeExact(sigs));
                check((int) attrSetSigMask.invokeExact(attr, sigs));
                check((int) sigFill.invokeExact(sigs));
                check((int) attrSetSigDefault.invokeExact(attr, sigs));
                check((int) attrSetFlags.invokeExact(attr, (short) (SETSIGDEF | SETSIGMASK)));
                MemorySegment args = arena.allocate(ADDRESS, argv.size() + 1L);
                for (int k = 0; k < argv.size(); k++) {
                    args.setAtIndex(ADDRESS, k, arena.allocateFrom(argv.get(k)));
                }
                args.setAtIndex(ADDRESS, argv.size(), MemorySegment.NULL);
                MemorySegment envp = arena.allocate(ADDRESS, env.size() + 1L);
                int k = 0;
                for (Map.Entry<String, String> e : env.entrySet()) {
                    envp.setAtIndex(ADDRESS, k++, arena.allocateFrom(e.getKey() + "=" + e.getValue()));
                }
                envp.setAtIndex(ADDRESS, k, MemorySegment.NULL);
                MemorySegment pid = arena.allocate(JAVA_INT);
                int rc = (int) spawn.invokeExact(pid, arena.allocateFrom(program), actions, attr, args, envp);
                return rc == 0 ? pid.get(JAVA_INT, 0) : -rc;
            } finally {
                int a = (int) faDestroy.invokeExact(actions);
                int b = (int) attrDestroy.invokeExact(attr);
            }
        } catch (Throwable t) {
            return -1;
        }
    }

    private static void check(int rc) {
        if (rc != 0) {
            throw new IllegalStateException("posix_spawn setup failed: " + rc);
        }
    }

    /** Bytes of Linux's {@code struct rusage} on 64-bit machines, and the offsets read from it. */
    private static final long RUSAGE_SIZE = 144;
    private static final long RU_MAXRSS = 32;

    /**
     * The program's own peak, or -1 when it cannot be told. A program started with posix_spawn
     * (vfork, then exec) inherits the cockpit's peak as its starting maximum: the kernel keeps
     * the larger of that and the program's own, so a figure no larger than the cockpit's own peak
     * says nothing about the program.
     */
    private long ownPeak(long reportedKb, Arena arena) throws Throwable {
        MemorySegment self = arena.allocate(RUSAGE_SIZE, 8);
        if ((int) getrusage.invokeExact(RUSAGE_SELF, self) != 0) {
            return -1;
        }
        return reportedKb > self.get(JAVA_LONG, RU_MAXRSS) ? reportedKb : -1;
    }

    private static final int RUSAGE_SELF = 0;

    /**
     * Waits for a process; its exit status, or 128+N when signal N killed it (negative -N then).
     * {@code usage}, when given, receives what the kernel counted for it ({@code wait4}): CPU time
     * in microseconds (user and system) and peak resident memory in kilobytes, or -1 each.
     */
    int waitFor(long pid, long[] usage) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(JAVA_INT);
            MemorySegment state = arena.allocate(callState);
            MemorySegment rusage = arena.allocate(RUSAGE_SIZE, 8);
            while (true) {
                int r = (int) waitpid.invokeExact(state, (int) pid, status, 0, rusage);
                if (r == pid) {
                    if (usage != null && usage.length >= 2) {
                        long user = rusage.get(JAVA_LONG, 0) * 1_000_000 + rusage.get(JAVA_LONG, 8);
                        long system = rusage.get(JAVA_LONG, 16) * 1_000_000 + rusage.get(JAVA_LONG, 24);
                        usage[0] = user + system;
                        usage[1] = ownPeak(rusage.get(JAVA_LONG, RU_MAXRSS), arena);
                    }
                    int s = status.get(JAVA_INT, 0);
                    int sig = s & 0x7f;
                    return sig == 0 ? (s >> 8) & 0xff : -sig;
                }
                if (r < 0 && (int) errno.get(state, 0L) == EINTR) {
                    continue;
                }
                return 1;
            }
        } catch (Throwable t) {
            return 1;
        }
    }
}
