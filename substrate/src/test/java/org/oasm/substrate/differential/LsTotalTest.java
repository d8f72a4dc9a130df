package org.oasm.substrate.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "total" line of {@code ls -l} against bash's (GNU ls) where a file's size does not tell
 * its blocks: a sparse file takes none of its megabyte, a symbolic link none.
 */
class LsTotalTest {

    @Test
    void totalsAreTheBlocksTheFilesTake(@TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(Runs.hasBash(), "bash is not installed");
        int n = 0;
        for (String line : List.of("ls -l", "ls -lh", "ls -l sparse.bin link")) {
            DiffCase c = new DiffCase(line, null, List.of(), null, 0);
            Runs.Outcome bash = Runs.bash(c, box(dir.resolve("bash" + n)));
            Runs.Outcome ours = Runs.substrate(c, box(dir.resolve("ours" + n)));
            n++;
            assertEquals(bash.out(), ours.out(), line);
            assertEquals(bash.status(), ours.status(), line);
        }
    }

    /** The usual sandbox plus a sparse file of a megabyte and a symbolic link, dated like the rest. */
    private static Sandbox box(Path root) throws IOException {
        Sandbox box = new Sandbox(root);
        Path sparse = box.work().resolve("sparse.bin");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(1 << 20);
        }
        Path link = Files.createSymbolicLink(box.work().resolve("link"), Path.of("a.txt"));
        FileTime seeded = FileTime.from(Sandbox.SEED_TIME);
        Files.setLastModifiedTime(sparse, seeded);
        Files.getFileAttributeView(link, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(seeded, null, null);
        Files.setLastModifiedTime(box.work(), seeded);
        return box;
    }
}
