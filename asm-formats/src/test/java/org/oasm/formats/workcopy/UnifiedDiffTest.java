package org.oasm.formats.workcopy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class UnifiedDiffTest {

    static final String BEFORE = IntStream.rangeClosed(1, 20).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining())
            + "tail without newline";
    static final String AFTER = BEFORE
            .replace("line 2\n", "line two\n")
            .replace("line 4\n", "")
            .replace("line 12\n", "line 12\ninserted a\ninserted b\n")
            .replace("tail without newline", "tail without newline\n");

    @TempDir
    Path tmp;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void multipleHunks() throws IOException {
        UnifiedDiff.Section s = UnifiedDiff.file("dir/file.txt", utf8(BEFORE), utf8(AFTER));
        assertEquals(Golden.load(UnifiedDiffTest.class, "multipleHunks", "diff"), s.text());
        assertEquals(4, s.added());
        assertEquals(3, s.removed());
    }

    @Test
    void hunksMatchGnuDiffAndApplyWithPatch() throws IOException {
        assumeTrue(Tools.available("diff") && Tools.available("patch"), "GNU diff and patch are not installed");
        List<String[]> cases = List.of(
                new String[] {BEFORE, AFTER},
                new String[] {"a\nb\nc\n", "a\nb\nc\nd\n"},
                new String[] {"a\nb\nc\n", "x\na\nb\nc\n"},
                new String[] {"only\n", ""},
                new String[] {"", "new\nfile"},
                new String[] {"no eol", "no eol\n"},
                new String[] {IntStream.range(0, 40).mapToObj(i -> i + "\n").collect(Collectors.joining()),
                        IntStream.range(0, 40).mapToObj(i -> i == 5 || i == 12 || i == 30 ? "x\n" : i + "\n").collect(Collectors.joining())});
        int n = 0;
        for (String[] c : cases) {
            Path a = Files.writeString(tmp.resolve("a" + n), c[0]);
            Path b = Files.writeString(tmp.resolve("b" + n), c[1]);
            String ours = UnifiedDiff.file("f", utf8(c[0]), utf8(c[1])).text();
            String gnu = Tools.run(tmp, List.of("diff", "-u", a.getFileName().toString(), b.getFileName().toString())).output();
            assertEquals(body(gnu), body(ours), "case " + n);

            Path target = Files.writeString(tmp.resolve("t" + n), c[0]);
            Files.writeString(tmp.resolve("p" + n), ours.replace("--- a/f", "--- t" + n).replace("+++ b/f", "+++ t" + n)
                    .replace("--- /dev/null", "--- t" + n).replace("+++ /dev/null", "+++ t" + n));
            Tools.Run patched = Tools.run(tmp, List.of("patch", "-s", "-N", "t" + n, "p" + n));
            assertEquals(0, patched.status(), "case " + n + ": " + patched.output());
            assertEquals(c[1], Files.readString(target), "case " + n);
            n++;
        }
    }

    @Test
    void addedDeletedAndBinaryFiles() {
        assertEquals("--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,2 @@\n+x\n+y\n",
                UnifiedDiff.file("new.txt", null, utf8("x\ny\n")).text());
        assertEquals("--- a/old.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n",
                UnifiedDiff.file("old.txt", utf8("x\n"), null).text());
        UnifiedDiff.Section bin = UnifiedDiff.file("b.dat", new byte[] {0, 1, 2}, new byte[] {0, 1, 3});
        assertEquals("Binary files a/b.dat and b/b.dat differ\n", bin.text());
        assertTrue(bin.binary());
        assertEquals("", UnifiedDiff.file("same", utf8("x"), utf8("x")).text());
    }

    /** The hunks of a diff, without the two header lines that name the files. */
    private static String body(String diff) {
        return diff.lines().filter(l -> !l.startsWith("--- ") && !l.startsWith("+++ ")).collect(Collectors.joining("\n"));
    }
}
