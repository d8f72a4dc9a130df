package org.oasm.bridge;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT files as SVG with Graphviz's {@code dot}, where it is installed. This runs in Java,
 * outside the sandbox, because Python may not start processes; the SVG is written next to the
 * DOT file through a temporary file and an atomic move.
 */
public final class SvgRenderer {

    private static final long TIMEOUT_S = 60;

    private SvgRenderer() {
    }

    /** The {@code dot} program on the PATH, if any. */
    public static Optional<Path> dot() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "dot");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes {@code x.svg} beside {@code x.dot}.
     *
     * @throws IOException when dot fails; its first line of error output is in the message
     */
    public static Path render(Path dotProgram, Path dotFile) throws IOException {
        String name = dotFile.getFileName().toString();
        Path svg = dotFile.resolveSibling(name.substring(0, name.length() - ".dot".length()) + ".svg");
        Path tmp = Files.createTempFile(dotFile.getParent(), ".svg-", ".tmp");
        try {
            Process p = new ProcessBuilder(dotProgram.toString(), "-Tsvg", "-o", tmp.toString(), dotFile.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .start();
            byte[] said = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(name + ": dot took longer than " + TIMEOUT_S + " s");
            }
            if (p.exitValue() != 0) {
                String first = new String(said).lines().findFirst().orElse("exit status " + p.exitValue());
                throw new IOException(name + ": dot failed: " + first);
            }
            Files.move(tmp, svg, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return svg;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(name + ": interrupted while dot ran", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
