package org.oasm.formats.store;

import org.oasm.formats.root.OasmRoot;
import org.oasm.formats.root.OutputFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The immutable HDF5 artifact store under {@code artifacts/hdf5/}. It exists so that templates,
 * baselines and snapshots are kept as versions that never change: each version is one HDF5 file,
 * {@code artifacts/hdf5/CATEGORY/NAME/vVERSION.h5} (layout in {@link Hdf5Artifact}), written to a
 * temporary file in the same folder, synced, made read-only and moved into place with
 * {@code ATOMIC_MOVE}. A name lives on exactly one shelf (category).
 *
 * <p>A second put of a stored reference is idempotent when the content is the same and refused
 * when it differs. Puts take a lock ({@code artifacts/hdf5/.lock}) so that two processes cannot
 * store the same version at once. Reads check the content against its recorded SHA-256.
 */
public final class ArtifactStore {

    private static final Object JVM_LOCK = new Object();

    private final OasmRoot root;
    private final Clock clock;

    public ArtifactStore(OasmRoot root) {
        this(root, Clock.systemUTC());
    }

    public ArtifactStore(OasmRoot root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** The folder of one shelf, {@code artifacts/hdf5/CATEGORY}. */
    public Path folder(Category category) {
        return root.hdf5Store().resolve(category.folder());
    }

    /** Stores {@code file} as {@code nameAndVersion} on the shelf {@link Category#defaultFor} picks. */
    public PutResult put(Path file, String nameAndVersion, String actor) {
        ArtifactRef ref = ArtifactRef.parse(nameAndVersion);
        return put(file, nameAndVersion, Category.defaultFor(ref.name()), actor);
    }

    /** Stores {@code file} as {@code nameAndVersion} ({@code NAME/vVERSION}) on {@code category}. */
    public PutResult put(Path file, String nameAndVersion, Category category, String actor) {
        ArtifactRef ref = ArtifactRef.parse(nameAndVersion);
        if (!Files.isRegularFile(file)) {
            throw new StoreException(file + ": not a regular file");
        }
        byte[] content;
        try {
            if (Files.size(file) > Hdf5Artifact.MAX_SIZE) {
                throw new StoreException(file + ": larger than the store's limit of " + Hdf5Artifact.MAX_SIZE + " bytes");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException(file + ": cannot read: " + e.getMessage(), e);
        }
        return putBytes(content, ref, category, file.getFileName().toString(), actor);
    }

    /** Stores bytes as a version; used by working-copy commits that create a new version. */
    public PutResult putBytes(byte[] content, ArtifactRef ref, Category category, String originalName, String actor) {
        if (content.length == 0) {
            throw new StoreException(ref.shortForm() + ": empty content cannot be stored (jHDF cannot write a zero-length dataset)");
        }
        String sha = Hdf5Artifact.sha256Hex(content);
        return locked(() -> {
            Optional<Category> shelf = shelfOf(ref.name());
            if (shelf.isPresent() && shelf.get() != category) {
                throw new StoreException(ref.shortForm() + ": the name " + ref.name() + " is stored under "
                        + shelf.get().folder() + ", not " + category.folder());
            }
            Path target = folder(category).resolve(ref.name()).resolve(ref.fileName());
            if (Files.exists(target)) {
                ArtifactInfo existing = info(ref, category, target);
                if (existing.sha256().equals(sha)) {
                    return new PutResult(existing, true);
                }
                throw new StoreException(ref.shortForm() + ": already stored with other content (sha256 "
                        + existing.sha256() + "); a stored version never changes, use a new version");
            }
            Hdf5Artifact.Attributes attrs = new Hdf5Artifact.Attributes(sha, content.length,
                    MediaTypes.guess(originalName), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                    actor, ref.name(), ref.version(), originalName);
            writeAtomically(target, content, attrs);
            return new PutResult(toInfo(ref, category, target, attrs), false);
        });
    }

    /** The file of a stored version; refuses a reference that is not stored. */
    public Path resolve(ArtifactRef ref) {
        return find(ref).orElseThrow(() -> new StoreException(ref + ": not in the store"));
    }

    /** {@link #resolve(ArtifactRef)} for {@code /artifacts/NAME/vVERSION} or {@code NAME/vVERSION}. */
    public Path resolve(String ref) {
        return resolve(ArtifactRef.parse(ref));
    }

    /** The file of a stored version, if it is stored. */
    public Optional<Path> find(ArtifactRef ref) {
        return shelfOf(ref.name())
                .map(c -> folder(c).resolve(ref.name()).resolve(ref.fileName()))
                .filter(Files::isRegularFile);
    }

    /** The attributes of a stored version (without reading its content). */
    public ArtifactInfo info(ArtifactRef ref) {
        Path file = resolve(ref);
        return info(ref, Category.parse(file.getParent().getParent().getFileName().toString()), file);
    }

    /** The content of a stored version, checked against its SHA-256. Bounded by the heap. */
    public byte[] get(ArtifactRef ref) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copyChecked(ref, out);
        return out.toByteArray();
    }

    /**
     * Writes the content of a stored version to {@code out} atomically (a file in an existing
     * folder {@code out} is named after the original file; a device or FIFO is written in place). The file appears only when its bytes
     * match the recorded SHA-256.
     */
    public Path get(ArtifactRef ref, Path out) {
        Path target = OutputFile.target(Files.isDirectory(out) ? out.resolve(info(ref).originalName()) : out);
        if (OutputFile.writtenInPlace(target)) {
            byte[] checked = get(ref);  // a device or FIFO shows what it is given at once: only checked bytes
            try (OutputStream os = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                os.write(checked);
                return target;
            } catch (IOException e) {
                throw new StoreException(target + ": cannot write: " + e.getMessage(), e);
            }
        }
        Path tmp = null;
        try {
            tmp = OutputFile.temporaryBeside(target);
            try (OutputStream os = Files.newOutputStream(tmp)) {
                copyChecked(ref, os);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new StoreException(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Every stored version, by shelf, name and file name. Unreadable files are left to {@link #verify()}. */
    public List<ArtifactInfo> list() {
        List<ArtifactInfo> all = new ArrayList<>();
        for (StoreWalk.Entry e : StoreWalk.versions(this)) {
            try {
                all.add(info(e.ref(), e.category(), e.file()));
            } catch (StoreException ignored) {
                // listed by verify as unreadable
            }
        }
        return all;
    }

    /** Re-hashes every stored version and names each file that is tampered, corrupt, unreadable or stray. */
    public List<StoreProblem> verify() {
        return locked(() -> StoreWalk.verify(this));
    }

    ArtifactInfo info(ArtifactRef ref, Category category, Path file) {
        try {
            return toInfo(ref, category, file, Hdf5Artifact.readAttributes(file));
        } catch (RuntimeException e) {
            throw new StoreException(file + ": unreadable artifact: " + e.getMessage(), e);
        }
    }

    private void copyChecked(ArtifactRef ref, OutputStream out) {
        Path file = resolve(ref);
        Hdf5Artifact.Content c;
        try {
            c = Hdf5Artifact.copyContent(file, out);
        } catch (IOException e) {
            throw new StoreException(file + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new StoreException(file + ": unreadable artifact: " + e.getMessage(), e);
        }
        if (!c.actualSha256().equals(c.attributes().sha256())) {
            throw new StoreException(file + ": content does not match its recorded sha256 (tampered or corrupt; run store verify)");
        }
    }

    private Optional<Category> shelfOf(String name) {
        for (Category c : Category.values()) {
            if (Files.isDirectory(folder(c).resolve(name))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private void writeAtomically(Path target, byte[] content, Hdf5Artifact.Attributes attrs) {
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Hdf5Artifact.write(tmp, content, attrs);
            Hdf5Artifact.Content check = Hdf5Artifact.copyContent(tmp, null);
            if (!check.actualSha256().equals(attrs.sha256())) {
                throw new StoreException(target + ": written file does not read back as the stored content");
            }
            ReadOnly.apply(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            syncFolder(target.getParent());
        } catch (IOException e) {
            throw new StoreException(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static ArtifactInfo toInfo(ArtifactRef ref, Category category, Path file, Hdf5Artifact.Attributes a) {
        return new ArtifactInfo(ref, category, file, a.sha256(), a.size(), a.mediaType(), a.created(),
                a.actor(), a.originalName());
    }

    private <T> T locked(Supplier<T> action) {
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(root.hdf5Store());
                try (FileChannel ch = FileChannel.open(root.hdf5Store().resolve(".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    FileLock lock = ch.lock();
                    try {
                        return action.get();
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new StoreException(root.hdf5Store() + ": cannot lock the store: " + e.getMessage(), e);
            }
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can sync a folder; the rename itself is atomic either way
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file that cannot be deleted is reported by verify as left over
            }
        }
    }
}
