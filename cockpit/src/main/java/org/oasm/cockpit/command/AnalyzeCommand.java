package org.oasm.cockpit.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.oasm.bridge.CallResult;
import org.oasm.bridge.ModuleInputs;
import org.oasm.bridge.PythonError;
import org.oasm.bridge.SvgRenderer;

/**
 * {@code oasm analyze --module M --file F [-o OUT]}: runs one of the Python analysis modules in the
 * cockpit's sandboxed GraalPy context. Without {@code -o} the module's text (rule YAML, command
 * block YAML, DOT graphs) goes to stdout and its summary to stderr; with {@code -o} the files go
 * into OUT and the summary to stdout. analysis_viz's DOT files also become SVG where Graphviz's
 * {@code dot} is installed. The provenance record keeps the module, the input's SHA-256 and the
 * files written.
 */
final class AnalyzeCommand extends OasmCommand {

    AnalyzeCommand() {
        super("analyze", "Analysis", "run a Python analysis module in the sandbox (GraalPy)", "--module M --file F", 0, 0,
                List.of(OptionSpec.value("module", "MODULE", "pattern_lab, semi_fixers or analysis_viz"),
                        OptionSpec.value("file", "FILE", "the input; a folder stands for the files in it"),
                        OptionSpec.value("output", 'o', "OUT", "folder to write the results into (default: stdout)")));
    }

    @Override
    protected int run(Invocation inv) throws IOException {
        List<String> modules = inv.services().bridge().bindings().ids();
        String module = inv.option("module").orElseThrow(() ->
                new UsageError("oasm analyze: --module is required (" + String.join(", ", modules) + ")"));
        if (!modules.contains(module)) {
            throw new UsageError("oasm analyze: --module: expected one of " + String.join(", ", modules) + ", found " + module);
        }
        String given = inv.option("file").orElseThrow(() -> new UsageError("oasm analyze: --file is required"));
        Path file = inv.path(given);
        if (!Files.exists(file)) {
            throw new CommandFailure(given + ": no such file or folder");
        }
        Path out = inv.option("output").map(inv::path).orElse(null);
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new CommandFailure(inv.option("output").get() + ": not a folder");
        }
        inv.notes().put("module", module).put("input", file.toString()).put("input_sha256", sha256(file));
        ModuleInputs.Request request = ModuleInputs.forMain(module, file, inv.cwd(), out);
        CallResult r;
        try {
            r = inv.services().bridge().call(module, "main", request.kwargs(), request.grants());
        } catch (PythonError e) {
            String line = e.getMessage().contains(file.getFileName().toString()) ? e.getMessage() : given + ": " + e.getMessage();
            inv.notes().put("error", line);
            inv.err().println("oasm: " + line);
            if (inv.services().debug() && !e.traceback().isEmpty()) {
                inv.err().print(e.traceback().endsWith("\n") ? e.traceback() : e.traceback() + "\n");
            }
            return 1;
        }
        inv.notes().put("python_runtime", inv.services().bridge().runtime());
        if (!r.printed().isEmpty()) {
            inv.err().print(r.printed());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) r.value();
        @SuppressWarnings("unchecked")
        List<String> summary = (List<String>) value.getOrDefault("summary", List.of());
        List<Path> written = new ArrayList<>(r.outputs());
        if (out == null) {
            inv.out().print(String.valueOf(value.getOrDefault("stdout", "")));
            summary.forEach(inv.err()::println);
        } else {
            summary.forEach(inv.out()::println);
            written.addAll(svgs(inv, r.outputs()));
            inv.out().println("wrote " + written.size() + " files to " + inv.option("output").get());
        }
        if (!written.isEmpty()) {
            inv.notes().put("outputs", String.join(",", written.stream().map(p -> inv.cwd().relativize(p).toString()).toList()));
        }
        for (Path p : written) {
            inv.notes().put("output_sha256:" + p.getFileName(), sha256(p));
        }
        return 0;
    }

    private static List<Path> svgs(Invocation inv, List<Path> outputs) {
        List<Path> dots = outputs.stream().filter(p -> p.toString().endsWith(".dot")).toList();
        if (dots.isEmpty()) {
            return List.of();
        }
        Optional<Path> dot = SvgRenderer.dot();
        if (dot.isEmpty()) {
            inv.err().println("oasm: analyze: Graphviz dot is not installed; DOT and Mermaid only, no SVG");
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        List<Path> svgs = SvgRenderer.renderAll(dot.get(), dots, problems);
        problems.forEach(p -> inv.err().println("oasm: " + p));
        return svgs;
    }

    /** SHA-256 of a file, or of a folder as the sorted list of its files' paths and hashes. */
    static String sha256(Path p) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        md.update((p.relativize(f) + "\0" + sha256(f) + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            } else {
                try (InputStream in = Files.newInputStream(p)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
