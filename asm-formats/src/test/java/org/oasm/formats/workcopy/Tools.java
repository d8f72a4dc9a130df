package org.oasm.formats.workcopy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the reference tools (diff, patch) that differential tests compare against. */
final class Tools {

    /** Output and exit status of one run. */
    record Run(int status, String output) {
    }

    private Tools() {
    }

    static boolean available(String tool) {
        try {
            return run(null, List.of(tool, "--version")).status() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static Run run(Path dir, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Run(p.exitValue(), out);
    }
}
