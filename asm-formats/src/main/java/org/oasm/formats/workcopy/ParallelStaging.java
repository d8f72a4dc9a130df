package org.oasm.formats.workcopy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Stages many files side by side. A working copy of a thousand files, or the commit of one,
 * writes and syncs every file before it moves it into place; one after the other, each sync
 * waits for its own trip to the disk and its own journal commit, which is most of such a
 * command's time. From a few threads the file system commits the syncs together and the disk
 * serves them in one queue. The threads wait on the disk more than on the processor, so there
 * are more of them than cores.
 */
final class ParallelStaging {

    /** Files staged at once. */
    static final int THREADS = 8;
    /** Below this many files they are staged in the caller, one after the other. */
    private static final int PARALLEL_FROM = 4;

    private ParallelStaging() {
    }

    /** Threads made on first use and kept (daemons: they never hold the JVM open). */
    private static final class Pool {
        static final ExecutorService THREADS_POOL = Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().daemon().name("oasm-staging-", 0).factory());
    }

    /**
     * Runs every job and returns what they staged, in the jobs' order. When any fails, the
     * others are finished, everything staged is deleted, and the first failure in the jobs'
     * order is thrown.
     */
    static List<FileSet.Staged> run(List<Supplier<FileSet.Staged>> jobs) {
        List<FileSet.Staged> staged = new ArrayList<>(jobs.size());
        if (jobs.size() < PARALLEL_FROM) {
            try {
                for (Supplier<FileSet.Staged> job : jobs) {
                    staged.add(job.get());
                }
            } catch (RuntimeException e) {
                FileSet.discard(staged);
                throw e;
            }
            return staged;
        }
        int chunks = Math.min(THREADS, jobs.size());
        List<Future<List<FileSet.Staged>>> parts = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            List<Supplier<FileSet.Staged>> part = jobs.subList(jobs.size() * c / chunks, jobs.size() * (c + 1) / chunks);
            parts.add(Pool.THREADS_POOL.submit(() -> stageInOrder(part)));
        }
        RuntimeException failure = null;
        boolean interrupted = false;
        for (Future<List<FileSet.Staged>> part : parts) {
            while (true) {
                try {
                    staged.addAll(part.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;   // the staging threads must finish before anything is cleaned up
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new WorkingCopyException(
                                "cannot stage files: " + e.getCause().getMessage(), e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            FileSet.discard(staged);
            throw failure;
        }
        return staged;
    }

    /** One thread's share: staged in order; on a failure its own staged files are deleted first. */
    private static List<FileSet.Staged> stageInOrder(List<Supplier<FileSet.Staged>> part) {
        List<FileSet.Staged> done = new ArrayList<>(part.size());
        try {
            for (Supplier<FileSet.Staged> job : part) {
                done.add(job.get());
            }
        } catch (RuntimeException | Error e) {
            FileSet.discard(done);
            throw e;
        }
        return done;
    }
}
