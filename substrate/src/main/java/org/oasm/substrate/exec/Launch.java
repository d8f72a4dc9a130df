package org.oasm.substrate.exec;

import java.io.IOException;
import java.util.List;

/**
 * Starts processes, retrying briefly on ETXTBSY ("Text file busy"). In a multi-threaded JVM a
 * script that was just written can still be open for writing in a child forked by another thread,
 * for the instant before that child's exec closes it; the kernel then refuses to run the script.
 * A shell written in C never forks while it writes a file, so it never sees this; we wait it out.
 */
final class Launch {

    private static final int ATTEMPTS = 20;

    private Launch() {
    }

    static Process start(ProcessBuilder pb) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return pb.start();
            } catch (IOException e) {
                if (attempt >= ATTEMPTS || !textFileBusy(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    static List<Process> startPipeline(List<ProcessBuilder> builders) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return ProcessBuilder.startPipeline(builders);
            } catch (IOException e) {
                if (attempt >= ATTEMPTS || !textFileBusy(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static boolean textFileBusy(IOException e) {
        String m = e.getMessage();
        return m != null && (m.contains("error=26,") || m.contains("error: 26 ") || m.contains("Text file busy"));
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(Math.min(50, 2L * attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ie);
        }
    }
}
