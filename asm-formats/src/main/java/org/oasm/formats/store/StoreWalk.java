package org.oasm.formats.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Walks the store's folders ({@code CATEGORY/NAME/vVERSION.h5}) for {@code list} and
 * {@code verify}. Kept apart from {@link ArtifactStore} so that the rules of what belongs in the
 * store and what counts as a problem read in one place.
 */
final class StoreWalk {

    private static final Pattern VERSION_FILE = Pattern.compile("v(.+)\\.h5");
    private static final Pattern RUN = Pattern.compile("\\d+|\\D+");

    /** One version file found on disk. */
    record Entry(ArtifactRef ref, Category category, Path file) {
    }

    private StoreWalk() {
    }

    static List<Entry> versions(ArtifactStore store) {
        List<Entry> entries = new ArrayList<>();
        for (Category c : Category.values()) {
            for (Path nameDir : children(store.folder(c))) {
                List<Entry> versions = new ArrayList<>();
                for (Path file : children(nameDir)) {
                    entry(c, nameDir, file).ifPresent(versions::add);
                }
                versions.sort((a, b) -> compareVersions(a.ref().version(), b.ref().version()));
                entries.addAll(versions);
            }
        }
        return entries;
    }

    static List<StoreProblem> verify(ArtifactStore store) {
        List<StoreProblem> problems = new ArrayList<>();
        for (Category c : Category.values()) {
            for (Path nameDir : children(store.folder(c))) {
                if (!Files.isDirectory(nameDir)) {
                    problems.add(new StoreProblem(nameDir, "not an artifact folder (expected NAME/vVERSION.h5)"));
                    continue;
                }
                for (Path file : children(nameDir)) {
                    problems.addAll(check(store, c, nameDir, file));
                }
            }
        }
        return problems;
    }

    private static List<StoreProblem> check(ArtifactStore store, Category c, Path nameDir, Path file) {
        String fileName = file.getFileName().toString();
        if (fileName.startsWith(".") && fileName.endsWith(".tmp")) {
            return List.of(new StoreProblem(file, "leftover temporary file of an interrupted write"));
        }
        var entry = entry(c, nameDir, file);
        if (entry.isEmpty()) {
            return List.of(new StoreProblem(file, "not an artifact file (expected vVERSION.h5 under a valid name)"));
        }
        ArtifactRef ref = entry.get().ref();
        List<StoreProblem> problems = new ArrayList<>();
        Hdf5Artifact.Content content;
        try {
            content = Hdf5Artifact.copyContent(file, null);
        } catch (IOException | RuntimeException e) {
            return List.of(new StoreProblem(file, "unreadable: " + oneLine(e)));
        }
        Hdf5Artifact.Attributes a = content.attributes();
        if (!content.actualSha256().equals(a.sha256())) {
            problems.add(new StoreProblem(file, "tampered or corrupt: content sha256 " + content.actualSha256()
                    + " does not match recorded " + a.sha256()));
        }
        if (content.actualSize() != a.size()) {
            problems.add(new StoreProblem(file, "tampered or corrupt: content has " + content.actualSize()
                    + " bytes, recorded size is " + a.size()));
        }
        if (!ref.name().equals(a.name()) || !ref.version().equals(a.version())) {
            problems.add(new StoreProblem(file, "misplaced: its attributes say " + a.name() + "/v" + a.version()
                    + " but it is stored as " + ref.shortForm()));
        }
        try {
            if (!ReadOnly.isReadOnly(file)) {
                problems.add(new StoreProblem(file, "writable: store files must be read-only"));
            }
        } catch (IOException e) {
            problems.add(new StoreProblem(file, "cannot read permissions: " + oneLine(e)));
        }
        return problems;
    }

    private static java.util.Optional<Entry> entry(Category c, Path nameDir, Path file) {
        Matcher m = VERSION_FILE.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new Entry(new ArtifactRef(nameDir.getFileName().toString(), m.group(1)), c, file));
        } catch (StoreException invalidName) {
            return java.util.Optional.empty();
        }
    }

    /** Orders versions as people read them: numbers by value ({@code 1.2 < 1.10}), the rest as text. */
    static int compareVersions(String a, String b) {
        Matcher x = RUN.matcher(a);
        Matcher y = RUN.matcher(b);
        while (x.find() && y.find()) {
            String p = x.group();
            String q = y.group();
            boolean numbers = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0));
            int c = numbers ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new StoreException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
