package org.oasm.cockpit.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oasm.cockpit.scan.FileWalk;
import org.oasm.cockpit.scan.Glob;
import org.oasm.formats.workcopy.UnifiedDiff;

/**
 * The bytes of the files a block may change (its {@code writes} globs, minus what git ignores) at
 * one moment, so that the change of each step, and of the whole block, can be measured and shown.
 */
final class Snapshot {

    private final SortedMap<String, byte[]> files;

    private Snapshot(SortedMap<String, byte[]> files) {
        this.files = files;
    }

    static Snapshot take(Path dir, List<Glob> writes) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (FileWalk.Item item : FileWalk.files(dir, Set.of())) {
            if (Glob.any(writes, item.path())) {
                try {
                    files.put(item.path(), Files.readAllBytes(item.file()));
                } catch (IOException e) {
                    throw new UncheckedIOException(item.file() + ": cannot read: " + e.getMessage(), e);
                }
            }
        }
        return new Snapshot(files);
    }

    Set<String> paths() {
        return files.keySet();
    }

    /** The changes from this snapshot to {@code after}, by path. */
    List<FileDelta> deltas(Snapshot after) {
        TreeSet<String> all = new TreeSet<>(files.keySet());
        all.addAll(after.files.keySet());
        List<FileDelta> out = new ArrayList<>();
        for (String p : all) {
            byte[] a = files.get(p);
            byte[] b = after.files.get(p);
            if (Arrays.equals(a, b)) {
                continue;
            }
            UnifiedDiff.Section s = UnifiedDiff.file(p, a, b);
            out.add(new FileDelta(p, a == null ? "added" : b == null ? "deleted" : "modified", s.added(), s.removed(), s.text()));
        }
        return out;
    }
}
