package org.oasm.cockpit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.oasm.formats.root.OasmRoot;
import org.oasm.substrate.Shell;
import org.oasm.substrate.exec.Endpoint;
import org.oasm.substrate.exec.IoContext;

/**
 * The launcher's training run for the JDK's ahead-of-time caches: it goes through what a start-up
 * touches (profile, shell, builtins, a pipeline, the {@code oasm} command catalog, the line reader)
 * in a throw-away root, so the cache holds those classes already loaded and linked. The
 * environment variable {@code OASM_AOT_TRAIN} names the launcher's other caches: {@code analyze}
 * and {@code convert} add GraalPy and the conversions with YAML to all that; {@code scan} and
 * {@code json-cbor} are small caches that hold only what one such command loads.
 */
final class AotTraining {

    private AotTraining() {
    }

    static int run(OasmRoot ignored) throws IOException {
        Path tmp = Files.createTempDirectory("oasm-aot");
        try {
            OasmRoot root = new OasmRoot(tmp).create();
            Cockpit.quietJLine(false);
            // recording on, as a user's cockpit runs: the execution log's classes belong in the cache
            LaunchOptions opts = new LaunchOptions(root.dir(), false, false, false, LaunchOptions.Mode.COMMAND_STRING,
                    "true", null, List.of());
            // as `./oasm -c` and `./oasm SUBCOMMAND` start: the launcher's terminal answers and the
            // signal handlers, which a class missing from the cache would make the main thread load
            // from the jars while the warm-up thread holds the class path's lock (60 ms measured)
            Cockpit c = new Cockpit(opts, root, Cockpit.LAUNCHER_TERMINAL);
            Termination termination = Termination.install(c.shell(), c::finish, Thread.currentThread());
            c.runBatch(IoContext.inherited()); // the options' line, `true`, as runBatch runs a -c line or a subcommand
            Path out = tmp.resolve("out.txt");
            Files.createFile(out);
            IoContext io = new IoContext(new Endpoint.Null(), new Endpoint.FileEndpoint(out, false),
                    new Endpoint.FileEndpoint(out, false));
            switch (String.valueOf(System.getenv("OASM_AOT_TRAIN"))) {
                case "scan" -> TemplatesTraining.scan(c.shell(), tmp, io);
                case "json-cbor" -> ConvertTraining.jsonCbor(c.shell(), tmp, io);
                default -> everything(c.shell(), tmp, io);
            }
            c.finish(0);
            termination.finished();
            return 0;
        } finally {
            deleteTree(tmp);
        }
    }

    /** Deletes a training's throw-away folder, as far as it can. */
    static void deleteTree(Path tmp) throws IOException {
        try (var walk = Files.walk(tmp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** What a start-up touches, and for the analyze and convert caches what those commands do. */
    private static void everything(Shell shell, Path tmp, IoContext io) throws IOException {
        shell.run("cd " + tmp + "; echo hi | tr a-z A-Z > x.txt; ls -l; X=1; export X; true && echo $X ${Y:-y} *.txt", "-c", io);
        shell.run("oasm help; oasm help store put; oasm store list --format json; oasm nosuch", "-c", io);
        shell.run("echo $(pwd) \"${HOME:-x}\" ~ | wc -c; nosuch_program; cd /; cd -; echo a |", "-c", io);
        AnalyzeTraining.exercise(shell, tmp, io);
        TemplatesTraining.exercise(shell, tmp, io);
        ConvertTraining.exercise(shell, tmp, io);
        try (Terminal t = TerminalBuilder.builder().dumb(true).streams(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream()).build()) {
            LineReader r = LineReaderBuilder.builder().terminal(t).build();
            r.getHistory();
        }
    }

    /** Whether this run trains the launcher's cache {@code name} ({@code oasm-NAME.aot}). */
    static boolean trains(String name) {
        return name.equals(System.getenv("OASM_AOT_TRAIN"));
    }
}
