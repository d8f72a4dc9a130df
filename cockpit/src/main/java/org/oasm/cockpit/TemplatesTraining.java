package org.oasm.cockpit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.oasm.formats.root.OasmRoot;
import org.oasm.substrate.Shell;
import org.oasm.substrate.exec.Endpoint;
import org.oasm.substrate.exec.TerminalInfo;
import org.oasm.substrate.exec.IoContext;

/**
 * The part of the launcher's ahead-of-time training that goes through {@code oasm scan} and
 * {@code oasm execute}: a scan of a few small files of each language (text and JSON), and the
 * {@code fix_unsafe_blocks} block run and committed on a copy of them. The cache then holds the
 * classes a scan loads (rule files, the regular-expression engine, the index writer) and those of
 * a working copy's life, already linked; without them, a cold {@code ./oasm scan} spends a third
 * of its time loading classes.
 */
final class TemplatesTraining {

    private TemplatesTraining() {
    }

    static void exercise(Shell shell, Path tmp, IoContext io) throws IOException {
        scan(shell, tmp, io, 0);
        shell.run("cd " + tmp.resolve("scan") + "; oasm execute --template fix_unsafe_blocks --target src --yes > exec.txt",
                "-c", io);
    }

    /**
     * The scans alone, of the samples and {@code copies} copies of them in folders of their own:
     * the launcher's small cache for {@code ./oasm scan} ({@code oasm-scan.aot},
     * {@code OASM_AOT_TRAIN=scan}) is trained with a few hundred files, a scan the size of a
     * small project, which it holds more of (a cold scan of 100,000 lines: 0.87 s against 0.94 s
     * with five files).
     */
    static void scan(Shell shell, Path tmp, IoContext io) throws IOException {
        scan(shell, tmp, io, 60);
    }

    /** How many times the resident cockpit's warm-up scans the samples. */
    private static final int WARM_UP_SCANS = 40;

    /**
     * The resident cockpit's warm-up ({@code oasm resident start}, about 10 s): the samples and 60
     * copies of them scanned, as text and as JSON, the other served commands run once, and the
     * conversions ({@link ConvertTraining#warmUp}), all in a throw-away root with recording on, as a
     * served command records. It takes the first
     * served scan of 100,000 lines from 1.5 s to 0.5 s; the JIT's work on a tree of the user's
     * own goes on over that tree's first ten or so scans (a larger warm-up of other files does
     * not shorten that: measured, docs/BENCHMARKS.md).
     */
    static void warmUp() {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("oasm-warm-up");
            OasmRoot root = new OasmRoot(tmp.resolve("root")).create();
            LaunchOptions opts = new LaunchOptions(root.dir(), false, false, false, LaunchOptions.Mode.COMMAND_STRING,
                    "true", null, List.of());
            Cockpit c = new Cockpit(opts, root, TerminalInfo.NONE);
            IoContext io = new IoContext(new Endpoint.Null(), new Endpoint.Null(), new Endpoint.Null());
            scan(c.shell(), tmp, io);
            for (int i = 0; i < WARM_UP_SCANS; i++) {
                c.shell().run("oasm scan src > /dev/null; oasm scan src --format json > /dev/null", "-c", io);
            }
            c.shell().run("oasm rules resolve; oasm templates list; oasm history --limit 5; oasm help", "-c", io);
            ConvertTraining.warmUp(c.shell(), tmp, io);
            c.finish(0);
        } catch (IOException | RuntimeException e) {
            System.err.println("oasm: the warm-up did not finish (" + e.getMessage() + "); serving without it");
        } finally {
            if (tmp != null) {
                try {
                    AotTraining.deleteTree(tmp);
                } catch (IOException e) {
                    // a temporary folder left behind
                }
            }
        }
    }

    private static void scan(Shell shell, Path tmp, IoContext io, int copies) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("scan/src"));
        Files.writeString(src.resolve("lib.rs"), """
                use std::mem;

                pub fn get(v: &[u8], i: usize) -> u8 {
                    let unused = 3;
                    unsafe { *v.get_unchecked(i) }
                }
                """);
        Files.writeString(src.resolve("tool.py"), """
                import os
                from typing import List


                def total(values: List[float]):
                    count = len(values)
                    try:
                        return sum(values)
                    except:
                        return None == 0
                """);
        Files.writeString(src.resolve("App.java"), """
                import java.util.ArrayList;

                public class App {
                    public int size() {
                        int unused = 1;
                        return new ArrayList().size();
                    }
                }
                """);
        Files.writeString(src.resolve("run.ps1"), "gci | % { Write-Host $_ }\t\n$token = 'x'\n");
        Files.writeString(src.resolve("app.js"), "// TODO tidy\nconst x = 1; \n");
        try (var samples = Files.list(src)) {
            List<Path> files = samples.toList();
            for (int i = 0; i < copies; i++) {
                Path copy = Files.createDirectories(src.resolve("copy" + i));
                for (Path f : files) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        shell.run("cd " + tmp.resolve("scan") + "; oasm scan src > out.txt; oasm scan src --format json > out.json", "-c", io);
    }
}
