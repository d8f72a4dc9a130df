package org.oasm.formats.workcopy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelStagingTest {

    @Test
    void stagedFilesComeBackInTheJobsOrderAndInstallLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        List<Supplier<FileSet.Staged>> jobs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] bytes = ("file " + i + "\n").getBytes(StandardCharsets.UTF_8);
            Path to = dir.resolve("d" + i % 5).resolve("f" + i + ".txt");
            jobs.add(() -> FileSet.stageBytes(to, bytes, null));
        }
        List<FileSet.Staged> staged = FileSet.stageAll(jobs);
        for (int i = 0; i < 50; i++) {
            assertEquals(dir.resolve("d" + i % 5).resolve("f" + i + ".txt"), staged.get(i).to());
            assertEquals(FileSet.sha256(("file " + i + "\n").getBytes(StandardCharsets.UTF_8)), staged.get(i).sha256());
        }
        FileSet.install(staged);
        for (int i = 0; i < 50; i++) {
            assertArrayEquals(("file " + i + "\n").getBytes(StandardCharsets.UTF_8),
                    Files.readAllBytes(dir.resolve("d" + i % 5).resolve("f" + i + ".txt")));
        }
        assertEquals(50, files(dir).size(), "temporary files left: " + files(dir));
    }

    @Test
    void aFailedJobLeavesNothingStagedAndTheTargetsUntouched(@TempDir Path dir) throws IOException {
        Path kept = dir.resolve("kept.txt");
        Files.writeString(kept, "original\n");
        List<Supplier<FileSet.Staged>> jobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            jobs.add(() -> {
                if (n == 27) {
                    throw new WorkingCopyException("job 27 failed");
                }
                return FileSet.stageBytes(n == 3 ? kept : dir.resolve("f" + n), "new\n".getBytes(StandardCharsets.UTF_8), null);
            });
        }
        WorkingCopyException e = assertThrows(WorkingCopyException.class, () -> FileSet.stageAll(jobs));
        assertEquals("job 27 failed", e.getMessage());
        assertEquals(List.of(kept), files(dir), "staged files were left behind");
        assertEquals("original\n", Files.readString(kept));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
