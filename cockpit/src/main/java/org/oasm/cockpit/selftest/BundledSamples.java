package org.oasm.cockpit.selftest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.oasm.cockpit.bundle.DataTree;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.LocatedDocument;
import tools.jackson.databind.JsonNode;

/**
 * The self-test's samples: the folder {@code selftest/} of the jar ({@code oasm/selftest/}), over
 * which a root's own {@code selftest/} wins file by file, as for {@code templates/}. So a root
 * that adds a command block can add its sample as {@code selftest/templates/ID/}: an
 * {@code expect.yaml} (what the run must show) and a {@code sample/} folder (the target).
 */
final class BundledSamples {

    private final DataTree tree;

    BundledSamples(OasmRoot root) {
        this.tree = DataTree.of(root, "selftest");
    }

    /** The names of the folders right under {@code dir} ({@code templates} gives the template ids). */
    List<String> folders(String dir) {
        TreeSet<String> out = new TreeSet<>();
        for (DataTree.Entry e : tree.under(dir)) {
            String rest = e.path().substring(dir.length() + 1);
            if (rest.contains("/")) {
                out.add(rest.substring(0, rest.indexOf('/')));
            }
        }
        return List.copyOf(out);
    }

    /** The YAML document at {@code path}, if the samples have it. */
    Optional<JsonNode> yaml(String path) {
        DataTree.Entry e = tree.entries().get(path);
        if (e == null) {
            return Optional.empty();
        }
        return Optional.of(LocatedDocument.read(e.name(), new ByteArrayInputStream(e.read())).root());
    }

    /** Copies the files under {@code dir} into {@code to} (created); returns {@code to}. */
    Path copy(String dir, Path to) {
        try {
            Files.createDirectories(to);
            for (DataTree.Entry e : tree.under(dir)) {
                Path t = to.resolve(e.path().substring(dir.length() + 1));
                Files.createDirectories(t.getParent());
                Files.write(t, e.read());
            }
            return to;
        } catch (IOException ex) {
            throw new UncheckedIOException(to + ": cannot write a sample: " + ex.getMessage(), ex);
        }
    }

    /** The strings of a YAML list ({@code [a, b]}), or of a single string; empty when absent. */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asString());
        }
        return out;
    }

    /** Every file under {@code dir} and its bytes, by relative path (to check that nothing changed). */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (Files.isRegularFile(dir)) {
            out.put(dir.getFileName().toString(), Files.readAllBytes(dir));
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** The files that differ between two snapshots (added, removed or changed), sorted. */
    static List<String> differences(Map<String, byte[]> a, Map<String, byte[]> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names.stream().filter(n -> !a.containsKey(n) || !b.containsKey(n) || !Arrays.equals(a.get(n), b.get(n))).toList();
    }

    /** Whether a program of this name is on PATH. */
    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code python3 -c 'import MODULE'} succeeds. */
    static boolean pythonImports(String module) {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import " + module).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
