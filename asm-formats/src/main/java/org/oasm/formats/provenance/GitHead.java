package org.oasm.formats.provenance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HEAD commit of the git work tree holding a path, by running {@code git rev-parse HEAD}
 * there. Empty when git is not installed, the path is not in a work tree, or the tree has no
 * commit yet; a lineage record then carries {@code git_sha: null}.
 */
final class GitHead {

    private static final long TIMEOUT_SECONDS = 5;

    private GitHead() {
    }

    static Optional<String> of(Path target) {
        if (target == null) {
            return Optional.empty();
        }
        Path dir = Files.isDirectory(target) ? target : target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            Process git = new ProcessBuilder("git", "-C", dir.toString(), "rev-parse", "--verify", "-q", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            String sha = new String(out, StandardCharsets.US_ASCII).strip();
            return git.exitValue() == 0 && sha.matches("[0-9a-f]{40}([0-9a-f]{24})?") ? Optional.of(sha) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
