package org.oasm.cockpit.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.oasm.cockpit.bundle.DataTree;
import org.oasm.formats.manifest.Problem;
import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.schema.SchemaRegistry;

/**
 * Loads the rule hierarchy that applies to a project: the rule files under the root's (or the
 * jar's) {@code templates/rules/}, plus the project's own {@code .oasm/rules/} folder, found in
 * the project folder or the nearest parent that has one (stopping at a git work tree's top).
 */
public final class Rules {

    /** The folder of a project's own rules, relative to the project. */
    public static final String PROJECT_FOLDER = ".oasm/rules";

    /** The hierarchy and every problem of its files (a file with problems is left out). */
    public record Loaded(RuleHierarchy hierarchy, List<Problem> problems, Path projectRules) {
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    private Rules() {
    }

    /** The hierarchy of the root's rules, with the project layer of {@code project} (may be null). */
    public static Loaded load(OasmRoot root, Path project) {
        SchemaRegistry[] opened = new SchemaRegistry[1];
        RuleFileReader reader = new RuleFileReader(() -> opened[0] != null ? opened[0] : (opened[0] = SchemaRegistry.open(root)));
        List<RuleFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Path local = project == null ? null : projectRules(project);
        if (local != null) {
            for (Path p : yamlFiles(local)) {
                add(reader.read(new RuleText(p.toString(), p.toString(), Layer.PROJECT, null, read(p))), files, problems);
            }
        }
        List<DataTree.Entry> entries = new ArrayList<>();
        for (DataTree.Entry e : DataTree.of(root, "templates").under("rules")) {
            if (!e.path().endsWith(".yaml") && !e.path().endsWith(".yml")) {
                continue;
            }
            if (Layer.ofPath(e.path()) == null) {
                problems.add(new Problem(e.name(), 0, "not in a layer folder (rules/core, rules/domain/LANG, rules/project, rules/session)"));
                continue;
            }
            entries.add(e);
        }
        // the jar's files need no validation and are parsed side by side; the root's own are
        // validated one at a time, on this thread (the schema registry opens once, when needed)
        RuleFileReader.Result[] read = new RuleFileReader.Result[entries.size()];
        IntStream.range(0, entries.size()).parallel().filter(i -> !entries.get(i).own())
                .forEach(i -> read[i] = readFromJar(reader, entries.get(i)));
        for (int i = 0; i < entries.size(); i++) {
            DataTree.Entry e = entries.get(i);
            add(e.own() ? reader.read(shipped(e), true) : read[i], files, problems);
        }
        return new Loaded(new RuleHierarchy(files), problems, local);
    }

    private static RuleText shipped(DataTree.Entry e) {
        return RuleText.shipped(e.path(), e.name(), e.read());
    }

    /** A rule file bundled in the jar, by its path and bytes. */
    private record JarFile(String path, String name, ByteBuffer content) {
    }

    /**
     * The jar's rule files as read before: they are not validated, so what they read to depends on
     * their bytes alone, and a cockpit that scans all day parses each of them once.
     */
    private static final Map<JarFile, RuleFileReader.Result> READ_FROM_JAR = new ConcurrentHashMap<>();

    private static RuleFileReader.Result readFromJar(RuleFileReader reader, DataTree.Entry e) {
        RuleText text = shipped(e);
        JarFile key = new JarFile(text.path(), text.name(), ByteBuffer.wrap(text.content()));
        RuleFileReader.Result known = READ_FROM_JAR.get(key);
        if (known != null) {
            return known;
        }
        RuleFileReader.Result r = reader.read(text, false);
        if (READ_FROM_JAR.size() < 1024) {
            READ_FROM_JAR.put(key, r);
        }
        return r;
    }

    /** The {@code .oasm/rules} folder of {@code start} or its nearest parent; null when none. */
    public static Path projectRules(Path start) {
        Path dir = Files.isDirectory(start) ? start.toAbsolutePath().normalize() : start.toAbsolutePath().normalize().getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(PROJECT_FOLDER);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            if (Files.exists(d.resolve(".git"))) {
                return null;
            }
        }
        return null;
    }

    private static void add(RuleFileReader.Result r, List<RuleFile> files, List<Problem> problems) {
        problems.addAll(r.problems());
        if (r.file() != null && r.problems().isEmpty()) {
            files.add(r.file());
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": cannot read: " + e.getMessage(), e);
        }
    }
}
