package org.oasm.cockpit.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk skips what git ignores: checked against git itself on a tree of tricky patterns. */
class FileWalkTest {

    @TempDir
    Path dir;

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void tree() throws IOException {
        write(".gitignore", """
                # build output
                target/
                *.log
                !keep.log
                /top_only.txt
                docs/**/draft_*.md
                build?/
                \\#hash.txt
                spaced.txt\\ 
                cache/*
                !cache/README
                [ab]lpha.tmp
                """);
        for (String f : List.of("src/main.rs", "target/debug/out.o", "src/target/x.rs", "a.log", "keep.log", "sub/deep/b.log",
                "top_only.txt", "sub/top_only.txt", "docs/draft_0.md", "docs/a/b/draft_1.md", "docs/final.md", "build1/x",
                "build12/x", "#hash.txt", "spaced.txt ", "cache/data.bin", "cache/README", "alpha.tmp", "clpha.tmp",
                "sub/.gitignore", "sub/local.txt", "sub/other.txt", "sub/deep/.gitignore", "sub/deep/local.txt",
                "sub/deep/x.tmp", "vendor/lib.rs")) {
            write(f, "x\n");
        }
        write("sub/.gitignore", "local.txt\n*.tmp\n");
        write("sub/deep/.gitignore", "!local.txt\n");
    }

    @Test
    void theWalkListsWhatGitListsAsNotIgnored() throws Exception {
        tree();
        Process init = new ProcessBuilder("git", "init", "-q").directory(dir.toFile()).redirectErrorStream(true).start();
        assumeTrue(init.waitFor(30, TimeUnit.SECONDS) && init.exitValue() == 0, "git is not installed");
        Process ls = new ProcessBuilder("git", "ls-files", "--others", "--exclude-standard", "-z").directory(dir.toFile()).start();
        String out = new String(ls.getInputStream().readAllBytes());
        ls.waitFor(30, TimeUnit.SECONDS);
        List<String> expected = Arrays.stream(out.split("\0")).filter(s -> !s.isEmpty()).sorted().toList();
        List<String> actual = FileWalk.files(dir, Set.of()).stream().map(FileWalk.Item::path).toList();
        assertEquals(expected, actual);
    }

    /** A folder inside a work tree is walked with the ignore files above it, as git does from that folder. */
    @Test
    void aSubfolderIsWalkedWithTheIgnoreFilesAboveIt() throws Exception {
        tree();
        write("sub/deep/gen_a.py", "x\n");
        write("sub/deep/more/b.log", "x\n");
        Process init = new ProcessBuilder("git", "init", "-q").directory(dir.toFile()).redirectErrorStream(true).start();
        assumeTrue(init.waitFor(30, TimeUnit.SECONDS) && init.exitValue() == 0, "git is not installed");
        Files.writeString(dir.resolve(".git/info/exclude"), "gen_*.py\n");
        for (String folder : List.of("sub", "sub/deep", "sub/deep/more", "cache", "docs/a")) {
            Process ls = new ProcessBuilder("git", "ls-files", "--others", "--exclude-standard", "-z")
                    .directory(dir.resolve(folder).toFile()).start();
            String out = new String(ls.getInputStream().readAllBytes());
            ls.waitFor(30, TimeUnit.SECONDS);
            List<String> expected = Arrays.stream(out.split("\0")).filter(s -> !s.isEmpty()).sorted().toList();
            List<String> actual = FileWalk.files(dir.resolve(folder), Set.of()).stream().map(FileWalk.Item::path).toList();
            assertEquals(expected, actual, folder);
        }
    }

    /** A working copy of a subfolder selects the files that the subfolder itself would. */
    @Test
    void aCopyIsWalkedAsTheFolderItWasCopiedFrom(@TempDir Path copy) throws Exception {
        write(".git/info/exclude", "");
        write(".gitignore", "*_gen.py\n");
        write("sub/a_gen.py", "x\n");
        write("sub/b.py", "x\n");
        Files.writeString(copy.resolve("a_gen.py"), "x\n");
        Files.writeString(copy.resolve("b.py"), "x\n");
        assertEquals(List.of("a_gen.py", "b.py"), FileWalk.files(copy, Set.of()).stream().map(FileWalk.Item::path).toList());
        try (FileWalk.Scope s = FileWalk.walkAs(copy, dir.resolve("sub"))) {
            assertEquals(List.of("b.py"), FileWalk.files(copy, Set.of()).stream().map(FileWalk.Item::path).toList());
        }
        assertEquals(List.of("a_gen.py", "b.py"), FileWalk.files(copy, Set.of()).stream().map(FileWalk.Item::path).toList());
    }

    @Test
    void globsAreAnchoredAtTheTopAndDoubleStarSpansFolders() {
        assertEquals(true, Glob.of("**/*.rs").matches("main.rs"));
        assertEquals(true, Glob.of("**/*.rs").matches("src/a/b.rs"));
        assertEquals(false, Glob.of("*.rs").matches("src/a.rs"));
        assertEquals(true, Glob.of("Cargo.toml").matches("Cargo.toml"));
        assertEquals(false, Glob.of("Cargo.toml").matches("sub/Cargo.toml"));
        assertEquals(true, Glob.of("src/**").matches("src/x/y"));
        assertEquals(true, Glob.of("**/integration/**/test_*.py").matches("tests/integration/test_x.py"));
        assertEquals(true, Glob.of("[!a]b?").matches("cbd"));
        assertEquals(false, Glob.of("[!a]b?").matches("abd"));
    }
}
