package org.oasm.bridge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one call may touch on disk. Python reads the files and folder trees named here and writes
 * only to the output folder; everything else is refused by the sandbox's file system. The output
 * folder is written through a staging folder inside it, whose files are moved into place when the
 * call succeeds and deleted when it fails, so a failed call leaves no partial output.
 *
 * @param readFiles files Python may read
 * @param readTrees folders Python may list and read everything beneath
 * @param outputDir the folder Python may write to, null for none (then nothing is writable)
 */
public record Grants(List<Path> readFiles, List<Path> readTrees, Path outputDir) {

    /** Nothing to read, nothing to write. */
    public static final Grants NONE = new Grants(List.of(), List.of(), null);

    public Grants {
        readFiles = List.copyOf(readFiles);
        readTrees = List.copyOf(readTrees);
    }

    /** Grants reading these files. */
    public static Grants reading(Path... files) {
        return new Grants(List.of(files), List.of(), null);
    }

    public Grants andFile(Path file) {
        List<Path> files = new ArrayList<>(readFiles);
        files.add(file);
        return new Grants(files, readTrees, outputDir);
    }

    public Grants andTree(Path folder) {
        List<Path> trees = new ArrayList<>(readTrees);
        trees.add(folder);
        return new Grants(readFiles, trees, outputDir);
    }

    public Grants writingTo(Path folder) {
        return new Grants(readFiles, readTrees, folder);
    }
}
