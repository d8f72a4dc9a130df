package org.oasm.substrate.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a chain of external commands joined by OS pipes with {@link NativeSpawn}. Only chains
 * whose every descriptor is the cockpit's own, a file, /dev/null or a pipe inside the chain
 * qualify (a neighbour that is a builtin needs Java streams, which the JDK's launcher provides),
 * and only programs the kernel can run itself (an ELF binary or a {@code #!} script; the JDK's
 * launcher runs anything else through /bin/sh, as bash does).
 */
final class NativeChain {

    private NativeChain() {
    }

    static boolean eligible(List<Stage> chain) {
        for (int k = 0; k < chain.size(); k++) {
            Stage s = chain.get(k);
            if (s.program == null || !kernelRuns(s)) {
                return false;
            }
            for (Endpoint e : List.of(s.io.in(), s.io.out(), s.io.err())) {
                boolean ok = switch (e) {
                    case Endpoint.Inherit i -> i.fd() <= 2;
                    case Endpoint.FileEndpoint f -> true;
                    case Endpoint.Null n -> true;
                    case Endpoint.Pipe p -> (p.boundary() == s.index && k < chain.size() - 1)
                            || (p.boundary() == s.index - 1 && k > 0);
                    case Endpoint.Stream st -> false;
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean kernelRuns(Stage s) {
        try (InputStream in = Files.newInputStream(s.program)) {
            byte[] head = in.readNBytes(4);
            return (head.length >= 2 && head[0] == '#' && head[1] == '!')
                    || (head.length == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F');
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts the chain; false (nothing left running) when it could not, for the JDK's launcher to try. */
    static boolean start(NativeSpawn nat, List<Stage> chain) {
        int first = chain.getFirst().index;
        List<int[]> pipes = new ArrayList<>();
        List<Stage> started = new ArrayList<>();
        try {
            for (int k = 0; k + 1 < chain.size(); k++) {
                pipes.add(nat.pipe());
            }
            for (Stage s : chain) {
                NativeSpawn.Source[] sources = new NativeSpawn.Source[3];
                List<Endpoint> ends = List.of(s.io.in(), s.io.out(), s.io.err());
                for (int fd = 0; fd < 3; fd++) {
                    sources[fd] = source(ends.get(fd), fd, s, first, pipes);
                }
                List<String> argv = new ArrayList<>(s.externalArgv);
                argv.set(0, s.programName);
                long pid = nat.spawn(s.program.toString(), argv, s.environment, s.cwd.toString(), sources);
                if (pid <= 0) {
                    started.forEach(NativeChain::terminate);
                    started.forEach(NativeChain::waitFor);
                    started.forEach(x -> {
                        x.nativeSpawned = false;
                        x.pid = -1;
                    });
                    return false;
                }
                s.pid = pid;
                s.nativeSpawned = true;
                started.add(s);
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            for (int[] p : pipes) {
                nat.close(p[0]);
                nat.close(p[1]);
            }
        }
    }

    private static NativeSpawn.Source source(Endpoint e, int fd, Stage s, int first, List<int[]> pipes) {
        return switch (e) {
            case Endpoint.Inherit i -> new NativeSpawn.Source.Inherit(i.fd());
            case Endpoint.FileEndpoint f -> new NativeSpawn.Source.Open(f.path().toString(), f.forReading()
                    ? NativeSpawn.O_RDONLY : NativeSpawn.O_WRONLY | NativeSpawn.O_APPEND | NativeSpawn.O_CREAT);
            case Endpoint.Null n -> new NativeSpawn.Source.Open("/dev/null", NativeSpawn.O_RDWR);
            case Endpoint.Pipe p -> new NativeSpawn.Source.Descriptor(
                    p.boundary() == s.index ? pipes.get(p.boundary() - first)[1] : pipes.get(p.boundary() - first)[0]);
            case Endpoint.Stream st -> throw new IllegalStateException("not a native chain");
        };
    }

    static int waitFor(Stage s) {
        NativeSpawn nat = NativeSpawn.ready();
        long[] usage = {-1, -1};
        int r = nat == null ? 1 : nat.waitFor(s.pid, usage);
        s.cpuMicros = usage[0];
        s.peakRssKb = usage[1];
        if (r < 0) {
            s.signaled = true;
            return 128 - r;
        }
        return r;
    }

    static void terminate(Stage s) {
        NativeSpawn nat = NativeSpawn.ready();
        if (nat != null) {
            nat.terminate(s.pid);
        }
    }
}
