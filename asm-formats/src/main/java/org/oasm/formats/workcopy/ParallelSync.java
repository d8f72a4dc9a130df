package org.oasm.formats.workcopy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Forces many files to disk at once. A working copy of a thousand files, or the commit of one,
 * syncs every file it writes before moving it into place; one sync after the other, each waits
 * for its own trip to the disk and its own journal commit, which is most of such a command's
 * time on a busy disk. Issued side by side from a few threads, the file system commits them
 * together and the disk serves them in one queue. The threads wait on the disk, not on the
 * processor, so there can be more of them than cores.
 */
final class ParallelSync {

    /** Syncs in flight at once. */
    static final int THREADS = 8;
    /** Below this many files the syncs run in the caller, one after the other. */
    private static final int PARALLEL_FROM = 4;

    private ParallelSync() {
    }

    /** Threads made on first use and kept (daemons: they never hold the JVM open). */
    private static final class Pool {
        static final ExecutorService THREADS_POOL = Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().daemon().name("oasm-sync-", 0).factory());
    }

    /** Forces the content of every file to disk; throws the first failure. */
    static void force(List<Path> files) throws IOException {
        if (files.size() < PARALLEL_FROM) {
            for (Path f : files) {
                force(f);
            }
            return;
        }
        int chunks = Math.min(THREADS, files.size());
        List<Future<?>> pending = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = files.size() * c / chunks;
            int to = files.size() * (c + 1) / chunks;
            List<Path> part = files.subList(from, to);
            pending.add(Pool.THREADS_POOL.submit(() -> {
                for (Path f : part) {
                    try {
                        force(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return null;
            }));
        }
        IOException failure = null;
        boolean interrupted = false;
        for (Future<?> f : pending) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;   // the syncs must finish before anything is moved into place
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof UncheckedIOException u ? u.getCause()
                                : new IOException(e.getCause().getMessage(), e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
