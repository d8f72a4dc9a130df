package org.oasm.cockpit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oasm.substrate.Shell;
import org.oasm.substrate.exec.IoContext;

/**
 * The part of the launcher's ahead-of-time training that goes through {@code oasm analyze}: one
 * call of each Python module on a small input, so that the cache holds the classes GraalPy loads
 * and links when it starts, imports the standard library and runs a module. It runs only for the
 * launcher's cache {@code oasm-analyze.aot} (environment {@code OASM_AOT_TRAIN=analyze}): in the general cache those classes would slow every other start-up down. A first
 * {@code ./oasm analyze} with that cache takes about half the time it takes without.
 */
final class AnalyzeTraining {

    private AnalyzeTraining() {
    }

    static void exercise(Shell shell, Path tmp, IoContext io) throws IOException {
        if (!AotTraining.trains("analyze")) {
            return; // only the launcher's separate cache for ./oasm analyze is trained with GraalPy
        }
        Path dir = Files.createDirectories(tmp.resolve("analyze"));
        Files.writeString(dir.resolve("sample.py"), """
                import os

                def walk(root, limit=3):
                    found = []
                    for name in sorted(os.listdir(root)):
                        if name.startswith("."):
                            continue
                        found.append(name)
                    try:
                        size = len(found)
                    except TypeError:
                        size = -1
                    return found[:limit], size
                """);
        Files.writeString(dir.resolve("session.oasm"), "X=1\nls > a.txt && echo $X || echo no\ncat < a.txt\n");
        Files.writeString(dir.resolve("scan.json"), """
                {"generated": "2026-01-01T00:00:00Z", "path": ".", "baseline": null, "files_scanned": 1,
                 "diagnostics": [
                  {"rule_id": "python.listdir", "severity": "warning", "file": "sample.py", "line": 5, "column": 17,
                   "message": "unsorted 'os.listdir' result"},
                  {"rule_id": "python.listdir", "severity": "warning", "file": "sample.py", "line": 5, "column": 17,
                   "message": "unsorted 'os.listdir' call"}],
                 "summary": {"errors": 0, "warnings": 2, "infos": 0}}
                """);
        Files.writeString(dir.resolve("change.diff"), """
                --- a/sample.py
                +++ b/sample.py
                @@ -1,4 +1,4 @@
                -import os
                +import os.path
                 
                -def walk(root, limit=3):
                +def walk(root, limit=4):
                     found = []
                """);
        shell.run("cd " + dir + "; oasm analyze --module analysis_viz --file . -o viz;"
                + " oasm analyze --module pattern_lab --file scan.json -o rules;"
                + " oasm analyze --module semi_fixers --file change.diff", "-c", io);
    }
}
