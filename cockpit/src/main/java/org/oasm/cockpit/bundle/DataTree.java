package org.oasm.cockpit.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.oasm.formats.root.OasmRoot;

/**
 * The files of a data folder of the OASM root ({@code templates/}) merged with the copies bundled
 * in the jar ({@code oasm/templates/} on the class path): a file of the root wins over the bundled
 * file of the same relative path, and bundled files the root does not have are still seen. This
 * is how a root that has no templates of its own still finds the shipped command blocks and
 * rules, and how a root overrides one of them by putting a file at the same path.
 */
public final class DataTree {

    /** One file: its path relative to the folder ({@code rules/core/x.yaml}) and where it lives. */
    public record Entry(String path, String name, Path file, String resource) {

        /** Whether the file belongs to the root (rather than the jar). */
        public boolean own() {
            return file != null;
        }

        public byte[] read() {
            try {
                if (file != null) {
                    return Files.readAllBytes(file);
                }
                try (InputStream in = DataTree.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IOException("not on the class path");
                    }
                    return in.readAllBytes();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": cannot read: " + e.getMessage(), e);
            }
        }
    }

    private final Map<String, Entry> entries;

    private DataTree(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The tree of {@code folder} ({@code templates}) of {@code root} and of the jar. */
    public static DataTree of(OasmRoot root, String folder) {
        Map<String, Entry> all = new TreeMap<>();
        String prefix = OasmRoot.BUNDLED_PREFIX + folder + "/";
        for (String rel : bundled(prefix)) {
            all.put(rel, new Entry(rel, "jar:" + prefix + rel, null, prefix + rel));
        }
        Path own = root.dir().resolve(folder);
        if (Files.isDirectory(own)) {
            try (Stream<Path> walk = Files.walk(own)) {
                walk.filter(Files::isRegularFile).forEach(p -> {
                    String rel = own.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
                    all.put(rel, new Entry(rel, root.dir().relativize(p).toString(), p, null));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(own + ": cannot read: " + e.getMessage(), e);
            }
        }
        return new DataTree(all);
    }

    /** Every file, by relative path. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** The files under {@code dir/} (relative), sorted by path. */
    public List<Entry> under(String dir) {
        String p = dir.endsWith("/") ? dir : dir + "/";
        return entries.values().stream().filter(e -> e.path().startsWith(p)).toList();
    }

    /** The relative paths of the bundled files under a class-path prefix, from a folder or a jar. */
    private static List<String> bundled(String prefix) {
        List<String> out = new ArrayList<>();
        try {
            var urls = DataTree.class.getClassLoader().getResources(prefix);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                listUnder(url, out);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the bundled " + prefix + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void listUnder(URL url, List<String> out) throws IOException, URISyntaxException {
        URI uri = url.toURI();
        if (uri.getScheme().equals("jar")) {
            FileSystem fs;
            try {
                fs = FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                fs = FileSystems.getFileSystem(uri);
            }
            walk(fs.provider().getPath(uri), out);
        } else if (uri.getScheme().equals("file")) {
            walk(Path.of(uri), out);
        }
    }

    private static void walk(Path dir, List<String> out) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString().replace("\\", "/")));
        }
    }
}
