package org.oasm.formats.store;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Node;
import io.jhdf.api.WritableDataset;
import io.jhdf.object.message.DataLayout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The layout of one artifact file, in one place: a dataset {@code /content} of unsigned bytes
 * (HDF5 {@code H5T_STD_U8LE}, written with jHDF's {@code unsigned()} creation option) that holds
 * the file's bytes, with the attributes {@code sha256}, {@code size}, {@code media_type},
 * {@code created}, {@code actor}, {@code name}, {@code version} and {@code original_name}.
 *
 * <p>Limits, both from jHDF 0.13: it writes a dataset from one Java array, so content must fit
 * in a {@code byte[]} (just under 2 GiB) and in the heap; and it cannot write a zero-length
 * dataset, so empty files are refused. Reading is done in slices of {@link #SLICE} bytes for
 * contiguous datasets (what jHDF writes), so {@code get} and {@code verify} do not hold the whole
 * content; a chunked dataset (as h5py may write) is read whole, which jHDF returns as an
 * {@code int[]} (four bytes per content byte) for uint8.
 */
final class Hdf5Artifact {

    static final String DATASET = "content";
    static final int SLICE = 1 << 20;
    static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    /** The attributes stored on {@code /content}. */
    record Attributes(String sha256, long size, String mediaType, Instant created, String actor,
                      String name, String version, String originalName) {
    }

    /** What a full read found: the attributes and the hash and length of the actual content. */
    record Content(Attributes attributes, String actualSha256, long actualSize) {
    }

    private Hdf5Artifact() {
    }

    /** Writes a new HDF5 file at {@code target} (which must be a fresh temporary file) and syncs it. */
    static void write(Path target, byte[] content, Attributes a) throws IOException {
        try (WritableHdfFile file = HdfFile.write(target)) {
            file.putAttribute("oasm_artifact_format", "1");
            WritableDataset ds = file.putDataset(DATASET, content,
                    DatasetCreationOptions.builder().unsigned().build());
            ds.putAttribute("sha256", a.sha256());
            ds.putAttribute("size", a.size());
            ds.putAttribute("media_type", a.mediaType());
            ds.putAttribute("created", a.created().toString());
            ds.putAttribute("actor", a.actor());
            ds.putAttribute("name", a.name());
            ds.putAttribute("version", a.version());
            ds.putAttribute("original_name", a.originalName());
        }
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Reads only the attributes. */
    static Attributes readAttributes(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            return attributes(contentDataset(hdf));
        }
    }

    /** Streams the content to {@code out} (may be null to only hash it) and hashes it. */
    static Content copyContent(Path file, OutputStream out) throws IOException {
        try (HdfFile hdf = new HdfFile(file)) {
            Dataset ds = contentDataset(hdf);
            Attributes attributes = attributes(ds);
            MessageDigest sha = sha256();
            long length = ds.getDimensionsAsLong().length == 1 ? ds.getDimensionsAsLong()[0] : -1;
            if (length < 0) {
                throw new IllegalStateException("/content is not one-dimensional");
            }
            if (ds.getDataLayout() == DataLayout.CONTIGUOUS) {
                for (long offset = 0; offset < length; offset += SLICE) {
                    int n = (int) Math.min(SLICE, length - offset);
                    emit(ds.getData(new long[] {offset}, new int[] {n}), sha, out);
                }
            } else {
                emit(ds.getDataFlat(), sha, out);
            }
            return new Content(attributes, HexFormat.of().formatHex(sha.digest()), length);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static void emit(Object data, MessageDigest sha, OutputStream out) throws IOException {
        byte[] bytes = toBytes(data);
        sha.update(bytes);
        if (out != null) {
            out.write(bytes);
        }
    }

    /** jHDF returns uint8 as {@code int[]} and int8 as {@code byte[]}; both become bytes. */
    private static byte[] toBytes(Object data) {
        if (data instanceof byte[] b) {
            return b;
        }
        if (data instanceof int[] ints) {
            byte[] b = new byte[ints.length];
            for (int i = 0; i < ints.length; i++) {
                b[i] = (byte) ints[i];
            }
            return b;
        }
        if (data instanceof short[] shorts) {
            byte[] b = new byte[shorts.length];
            for (int i = 0; i < shorts.length; i++) {
                b[i] = (byte) shorts[i];
            }
            return b;
        }
        throw new IllegalStateException("/content holds " + data.getClass().getSimpleName() + ", not bytes");
    }

    private static Dataset contentDataset(HdfFile hdf) {
        Node node = hdf.getChild(DATASET);
        if (!(node instanceof Dataset ds)) {
            throw new IllegalStateException("no /" + DATASET + " dataset");
        }
        return ds;
    }

    private static Attributes attributes(Dataset ds) {
        return new Attributes(text(ds, "sha256"), number(ds, "size"), text(ds, "media_type"),
                Instant.parse(text(ds, "created")), text(ds, "actor"), text(ds, "name"),
                text(ds, "version"), text(ds, "original_name"));
    }

    private static Object value(Dataset ds, String name) {
        Attribute a = ds.getAttribute(name);
        if (a == null) {
            throw new IllegalStateException("attribute " + name + " is missing on /" + DATASET);
        }
        Object v = a.getData();
        if (v != null && v.getClass().isArray() && java.lang.reflect.Array.getLength(v) == 1) {
            v = java.lang.reflect.Array.get(v, 0);
        }
        return v;
    }

    private static String text(Dataset ds, String name) {
        Object v = value(ds, name);
        if (!(v instanceof String s)) {
            throw new IllegalStateException("attribute " + name + " is not a string");
        }
        return s;
    }

    private static long number(Dataset ds, String name) {
        Object v = value(ds, name);
        if (!(v instanceof Number n)) {
            throw new IllegalStateException("attribute " + name + " is not a number");
        }
        return n.longValue();
    }
}
