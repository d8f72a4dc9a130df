package org.oasm.bridge;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Renders DOT files as SVG with Graphviz's {@code dot}, where it is installed. This runs in Java,
 * outside the sandbox, because Python may not start processes; the SVG is written next to the
 * DOT file through a temporary file and an atomic move. Several files render at once.
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
        return Running.start(dotProgram, dotFile).finish();
    }

    /**
     * Renders every DOT file, with as many {@code dot} processes at a time as there are cores (at
     * least two);
     * returns the SVG files written and adds one line to {@code problems} per file that failed.
     */
    public static List<Path> renderAll(Path dotProgram, List<Path> dotFiles, List<String> problems) {
        int at = Math.max(2, Runtime.getRuntime().availableProcessors());
        List<Path> svgs = new ArrayList<>();
        for (int from = 0; from < dotFiles.size(); from += at) {
            List<Running> running = new ArrayList<>();
            for (Path d : dotFiles.subList(from, Math.min(dotFiles.size(), from + at))) {
                try {
                    running.add(Running.start(dotProgram, d));
                } catch (IOException e) {
                    problems.add(e.getMessage());
                }
            }
            for (Running r : running) {
                try {
                    svgs.add(r.finish());
                } catch (IOException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        return svgs;
    }

    /** One dot process writing a temporary file beside the DOT file. */
    private record Running(Process process, Path dotFile, Path svg, Path tmp) {

        static Running start(Path dotProgram, Path dotFile) throws IOException {
            String name = dotFile.getFileName().toString();
            Path svg = dotFile.resolveSibling(name.substring(0, name.length() - ".dot".length()) + ".svg");
            Path tmp = Files.createTempFile(dotFile.getParent(), ".svg-", ".tmp");
            try {
                Process p = new ProcessBuilder(dotProgram.toString(), "-Tsvg", "-o", tmp.toString(), dotFile.toString())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectErrorStream(true)
                        .start();
                return new Running(p, dotFile, svg, tmp);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        }

        Path finish() throws IOException {
            String name = dotFile.getFileName().toString();
            try {
                byte[] said = process.getInputStream().readAllBytes();
                if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(name + ": dot took longer than " + TIMEOUT_S + " s");
                }
                if (process.exitValue() != 0) {
                    String first = new String(said).lines().findFirst().orElse("exit status " + process.exitValue());
                    throw new IOException(name + ": dot failed: " + first);
                }
                Files.move(tmp, svg, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return svg;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IOException(name + ": interrupted while dot ran", e);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
