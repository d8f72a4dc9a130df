package org.oasm.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The staging folder of one call: a hidden folder inside the output folder (so moves stay on one
 * file system) where Python writes. {@link #commit()} moves every file into the output folder
 * with {@code ATOMIC_MOVE}; closing removes whatever is left, so a failed call leaves the output
 * folder as it was.
 */
final class OutputStaging implements AutoCloseable {

    private final Path output;
    private final Path folder;

    private OutputStaging(Path output, Path folder) {
        this.output = output;
        this.folder = folder;
    }

    static OutputStaging open(Path output) throws IOException {
        if (output == null) {
            return new OutputStaging(null, null);
        }
        Path out = output.toAbsolutePath().normalize();
        Files.createDirectories(out);
        return new OutputStaging(out, Files.createTempDirectory(out, ".oasm-staging-"));
    }

    /** The folder Python writes to, null when the call has no output folder. */
    Path folder() {
        return folder;
    }

    /** Moves what Python wrote into the output folder; returns the final paths, sorted. */
    List<Path> commit() throws IOException {
        if (folder == null) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        List<Path> moved = new ArrayList<>();
        for (Path f : files) {
            Path target = output.resolve(folder.relativize(f));
            Files.createDirectories(target.getParent());
            Files.move(f, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved.add(target);
        }
        return moved;
    }

    @Override
    public void close() throws IOException {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
