package org.oasm.formats.workcopy;

import org.oasm.formats.root.OasmRoot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where working copies and committed changes live on disk, and their loading and saving:
 * copies in {@code artifacts/working/{copy_id}/}, metadata in
 * {@code logs/working_copies/{copy_id}_metadata.json}, changes in
 * {@code artifacts/diffs/{copy_id}/} ({@code change.json}, {@code change.diff}, {@code before/}).
 */
final class CopyRegistry {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final String SUFFIX = "_metadata.json";

    private final OasmRoot root;
    private final MetadataJson json;

    CopyRegistry(OasmRoot root) {
        this.root = root;
        this.json = new MetadataJson(root);
    }

    OasmRoot root() {
        return root;
    }

    Path copyDir(String id) {
        return root.workingCopies().resolve(checked(id));
    }

    Path metadataFile(String id) {
        return root.workingCopyLogs().resolve(checked(id) + SUFFIX);
    }

    Path changeDir(String id) {
        return root.diffs().resolve(checked(id));
    }

    Path changeFile(String id) {
        return changeDir(id).resolve("change.json");
    }

    void save(WorkingCopy c) {
        FileSet.writeAtomically(metadataFile(c.copyId()), json.write(c));
    }

    WorkingCopy load(String id) {
        Path file = metadataFile(id);
        byte[] bytes = FileSet.readOrNull(file);
        if (bytes == null) {
            throw new WorkingCopyException(id + ": no such working copy (no " + file + ")");
        }
        return json.readCopy(file, bytes);
    }

    List<WorkingCopy> list() {
        Path dir = root.workingCopyLogs();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<WorkingCopy> copies = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                copies.add(json.readCopy(f, FileSet.readOrNull(f)));
            }
        } catch (IOException e) {
            throw new WorkingCopyException(dir + ": cannot list: " + e.getMessage(), e);
        }
        copies.sort(Comparator.comparing(WorkingCopy::created).thenComparing(WorkingCopy::copyId));
        return copies;
    }

    /** Writes the diff, then the record: a record on disk means the change is fully prepared. */
    void saveChange(CommittedChange change) {
        Path dir = changeDir(change.copyId());
        Path diff = dir.resolve("change.diff");
        FileSet.writeAtomically(diff, change.unifiedDiff().getBytes(StandardCharsets.UTF_8));
        FileSet.writeAtomically(changeFile(change.copyId()), json.write(change, diff));
    }

    Optional<CommittedChange> loadChange(String id) {
        Path file = changeFile(id);
        byte[] bytes = FileSet.readOrNull(file);
        if (bytes == null) {
            return Optional.empty();
        }
        return Optional.of(json.readChange(file, bytes, diff -> {
            byte[] text = FileSet.readOrNull(diff);
            if (text == null) {
                throw new WorkingCopyException(diff + ": the diff of committed change " + id + " is missing");
            }
            return new String(text, StandardCharsets.UTF_8);
        }));
    }

    private static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new WorkingCopyException(id + ": not a working-copy id");
        }
        return id;
    }
}
