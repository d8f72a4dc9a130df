package org.oasm.cockpit.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * A snapshot taken after another reuses the bytes of every file whose size, modification time and
 * file key (inode) are the same, so a step that changes few files costs few reads; the diffs of
 * the same pair of contents are worked out once.
 */
final class Snapshot {

    /** One file as it was read: its bytes and what says whether it changed since. */
    private record Entry(byte[] bytes, long size, long modified, Object key) {
    }

    private final SortedMap<String, Entry> files;
    private final Map<byte[], Map<byte[], UnifiedDiff.Section>> diffs;

    private Snapshot(SortedMap<String, Entry> files, Map<byte[], Map<byte[], UnifiedDiff.Section>> diffs) {
        this.files = files;
        this.diffs = diffs;
    }

    static Snapshot take(Path dir, List<Glob> writes) {
        return take(dir, writes, null);
    }

    /** A snapshot now, reusing what {@code previous} read of files that did not change since. */
    static Snapshot take(Path dir, List<Glob> writes, Snapshot previous) {
        SortedMap<String, Entry> files = new TreeMap<>();
        for (FileWalk.Item item : FileWalk.files(dir, Set.of())) {
            if (!Glob.any(writes, item.path())) {
                continue;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(item.file(), BasicFileAttributes.class);
                long modified = a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                        + a.lastModifiedTime().toInstant().getNano();
                Entry old = previous == null ? null : previous.files.get(item.path());
                if (old != null && old.size() == a.size() && old.modified() == modified && Objects.equals(old.key(), a.fileKey())) {
                    files.put(item.path(), old);
                } else {
                    files.put(item.path(), new Entry(Files.readAllBytes(item.file()), a.size(), modified, a.fileKey()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(item.file() + ": cannot read: " + e.getMessage(), e);
            }
        }
        return new Snapshot(files, previous == null ? new IdentityHashMap<>() : previous.diffs);
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
            byte[] a = bytes(files.get(p));
            byte[] b = bytes(after.files.get(p));
            if (a == b || Arrays.equals(a, b)) {
                continue;
            }
            UnifiedDiff.Section s = a == null || b == null ? UnifiedDiff.file(p, a, b)
                    : diffs.computeIfAbsent(a, k -> new IdentityHashMap<>()).computeIfAbsent(b, k -> UnifiedDiff.file(p, a, b));
            out.add(new FileDelta(p, a == null ? "added" : b == null ? "deleted" : "modified", s.added(), s.removed(), s.text()));
        }
        return out;
    }

    private static byte[] bytes(Entry e) {
        return e == null ? null : e.bytes();
    }
}
