package org.oasm.formats.convert;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongConsumer;
import org.oasm.formats.document.Context;
import org.oasm.formats.document.DocumentException;
import org.oasm.formats.document.DocumentSink;
import org.oasm.formats.document.Limits;
import org.oasm.formats.document.Substitution;
import org.oasm.formats.document.TreeSink;
import org.oasm.formats.document.TreeSource;
import org.oasm.formats.hdf5.Hdf5Reader;
import org.oasm.formats.hdf5.Hdf5Writer;
import org.oasm.formats.root.OutputFile;
import org.oasm.formats.schema.SchemaRegistry;
import org.oasm.formats.schema.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Converts one file to another format, the API behind {@code oasm convert}. The output goes to
 * a temporary file beside the target, renamed into place when the conversion has succeeded; on
 * any failure the temporary file is deleted, so a failed conversion leaves nothing. Output to a
 * stream (stdout) is held back until {@link #HOLD_BACK} bytes have been produced, so a failure
 * early in the input prints nothing; beyond that it streams.
 */
public final class Converter {

    /** Bytes of stream output held back before streaming starts. */
    public static final int HOLD_BACK = 8 << 20;

    /**
     * Inputs of at least this many bytes are read on a second thread while this one writes
     * ({@link Handoff}), on a machine with more than one processor.
     */
    public static final long TWO_THREADS_FROM = 4L << 20;

    /**
     * Fast conversions of inputs of at least this many bytes run in halves on two threads, on a
     * machine with more than one processor ({@link Options#withHalvesFrom} sets another bound).
     */
    public static final long HALVES_FROM = 32L << 20;

    /**
     * What a conversion is asked to do besides the formats.
     *
     * @param lossy    allow the substitutions of the rules, and record them
     * @param limits   bounds on the input
     * @param schemaId with YAML output: write each field's schema description as a comment above it; with
     *                 any other output: validate the document and refuse it if it does not conform
     * @param registry where {@code schemaId} is found (required with it)
     * @param progress told the number of input bytes read, now and then (may be null)
     * @param indentJson JSON output indented by two spaces rather than on one line
     * @param twoThreadsFrom JSON, YAML and CBOR inputs of at least this many bytes are read on a
     *                 second thread ({@code Long.MAX_VALUE}: never)
     * @param fastPaths JSON to CBOR and CBOR to one-line JSON may take the fast paths
     *                 ({@link FastPath}), which fall back to the general one by themselves
     * @param halvesFrom a fast conversion of an input of at least this many bytes runs in halves
     *                 on two threads ({@code Long.MAX_VALUE}: never)
     */
    public record Options(boolean lossy, Limits limits, String schemaId, SchemaRegistry registry, LongConsumer progress,
                          boolean indentJson, long twoThreadsFrom, boolean fastPaths, long halvesFrom) {

        public static Options strict() {
            boolean twoCores = Runtime.getRuntime().availableProcessors() > 1;
            return new Options(false, Limits.DEFAULT, null, null, null, false, twoCores ? TWO_THREADS_FROM : Long.MAX_VALUE,
                    true, twoCores ? HALVES_FROM : Long.MAX_VALUE);
        }

        /**
         * Whether JSON to CBOR and CBOR to one-line JSON may go straight from bytes to bytes
         * ({@link FastPath}); off, every conversion takes the general path (the tests compare the two).
         */
        public Options withFastPaths(boolean value) {
            return new Options(lossy, limits, schemaId, registry, progress, indentJson, twoThreadsFrom, value, halvesFrom);
        }

        public Options withLossy(boolean value) {
            return new Options(value, limits, schemaId, registry, progress, indentJson, twoThreadsFrom, fastPaths, halvesFrom);
        }

        public Options withSchema(String id, SchemaRegistry r) {
            return new Options(lossy, limits, id, r, progress, indentJson, twoThreadsFrom, fastPaths, halvesFrom);
        }

        public Options withProgress(LongConsumer p) {
            return new Options(lossy, limits, schemaId, registry, p, indentJson, twoThreadsFrom, fastPaths, halvesFrom);
        }

        public Options withLimits(Limits l) {
            return new Options(lossy, l, schemaId, registry, progress, indentJson, twoThreadsFrom, fastPaths, halvesFrom);
        }

        /** JSON indented by two spaces (for a terminal) instead of on one line. */
        public Options withIndentedJson(boolean value) {
            return new Options(lossy, limits, schemaId, registry, progress, value, twoThreadsFrom, fastPaths, halvesFrom);
        }

        /** Fast conversions in halves on two threads from this input size on ({@code Long.MAX_VALUE}: never). */
        public Options withHalvesFrom(long bytes) {
            return new Options(lossy, limits, schemaId, registry, progress, indentJson, twoThreadsFrom, fastPaths, bytes);
        }

        /** Read on a second thread from this input size on ({@code 0}: always, {@code Long.MAX_VALUE}: never). */
        public Options withTwoThreadsFrom(long bytes) {
            return new Options(lossy, limits, schemaId, registry, progress, indentJson, bytes, fastPaths, halvesFrom);
        }
    }

    /** What a conversion did. */
    public record Result(Format from, Format to, long inputBytes, List<Substitution> substitutions, long substitutionCount) {
    }

    private Converter() {
    }

    /** The format of an input file (from its magic bytes, then its name, then its content). */
    public static Format detect(Path input) {
        checkInput(input);
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(input)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw cannotRead(input, e);
        }
        if (n == 0) {
            throw new DocumentException(input + ": empty file");
        }
        byte[] sample = java.util.Arrays.copyOf(head, n);
        Format f = Format.detect(input.getFileName().toString(), sample);
        if (f == Format.HDF5 && !Format.startsWith(sample, Format.HDF5_SIGNATURE)) {
            throw new DocumentException(input + ": not an HDF5 file (no HDF5 signature at its start)");
        }
        return f;
    }

    /**
     * Converts {@code input} into the file {@code output} (replaced atomically if it exists; through
     * a symbolic link, the file it names). A device or FIFO ({@code -o /dev/stdout}) is written in
     * place.
     */
    public static Result toFile(Path input, Format to, Path output, Options options) {
        Path target = OutputFile.target(output);
        if (OutputFile.writtenInPlace(target)) {
            return inPlace(input, to, output, target, options);
        }
        Format from = detect(input);
        checkOutput(input, target);
        Path temp = null;
        try {
            temp = OutputFile.temporaryBeside(target);
            Result r;
            if (to == Format.HDF5) {
                Files.delete(temp);
                r = convert(input, from, to, null, null, temp, options, target.getParent());
            } else {
                try (FileChannel file = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE);
                     OutputStream out = Channels.newOutputStream(file)) {
                    r = convert(input, from, to, out, file, null, options, target.getParent());
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return r;
        } catch (AccessDeniedException e) {
            throw new DocumentException(output + ": cannot write: permission denied");
        } catch (IOException e) {
            throw new DocumentException(output + ": cannot write: " + reason(e), e);
        } catch (UncheckedIOException e) {
            throw new DocumentException(output + ": cannot write: " + reason(e.getCause()), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the conversion already failed; that is the error to report
                }
            }
        }
    }

    /** Converts into a device or FIFO as the conversion goes; HDF5, written as a file, is copied in after. */
    private static Result inPlace(Path input, Format to, Path output, Path target, Options options) {
        Path temp = null;
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
            if (to != Format.HDF5) {
                return toStream(input, to, out, options, output.toString());
            }
            Format from = detect(input);
            temp = Files.createTempFile("oasm-convert-", ".h5");
            Files.delete(temp);
            Result r = convert(input, from, to, null, null, temp, options, temp.getParent());
            Files.copy(temp, out);
            return r;
        } catch (AccessDeniedException e) {
            throw new DocumentException(output + ": cannot write: permission denied");
        } catch (IOException e) {
            throw new DocumentException(output + ": cannot write: " + reason(e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the output is written or the conversion failed; either is what is reported
                }
            }
        }
    }

    /** Converts {@code input} to a stream (stdout); HDF5 output needs a file. */
    public static Result toStream(Path input, Format to, OutputStream out, Options options) {
        return toStream(input, to, out, options, "stdout");
    }

    private static Result toStream(Path input, Format to, OutputStream out, Options options, String outName) {
        if (to == Format.HDF5) {
            throw new org.oasm.formats.root.OasmException("--to hdf5 needs -o OUT: HDF5 is written as a file", DocumentException.USAGE);
        }
        Format from = detect(input);
        HoldBack held = new HoldBack(out);
        Result r = convert(input, from, to, held, null, null, options, Path.of(System.getProperty("java.io.tmpdir")));
        try {
            held.release();
        } catch (IOException e) {
            throw new DocumentException(outName + ": cannot write: " + reason(e), e);
        }
        return r;
    }

    private static Result convert(Path input, Format from, Format to, OutputStream out, FileChannel file, Path hdf5Out,
                                  Options options, Path scratchFolder) {
        FastPath.Attempt fast = FastPath.attempt(input, from, to, out, file, options, scratchFolder);
        if (fast.result() != null) {
            return fast.result();
        }
        Result r = general(input, from, to, fast.output(), hdf5Out, options);
        fast.check();
        return r;
    }

    private static Result general(Path input, Format from, Format to, OutputStream out, Path hdf5Out, Options options) {
        Context context = new Context(input.toString(), options.limits(), options.lossy());
        boolean validate = options.schemaId() != null && to != Format.YAML;
        boolean tree = validate || to == Format.HDF5;
        TreeSink treeSink = tree ? new TreeSink() : null;
        DocumentSink writer = tree ? treeSink : writer(to, out, context, options);
        DocumentSink checked = context.checked(writer);
        long[] read = new long[1];
        try {
            read(input, from, context, checked, options, read);
            if (tree) {
                JsonNode doc = treeSink.root();
                if (validate) {
                    validate(input, doc, options);
                }
                if (to == Format.HDF5) {
                    Hdf5Writer.write(doc, hdf5Out, context);
                } else {
                    DocumentSink w = context.checked(writer(to, out, context, options));
                    TreeSource.replay(doc, w);
                }
            }
        } catch (UncheckedIOException e) {
            throw new DocumentException(input + ": " + reason(e.getCause()), e);
        } catch (StackOverflowError e) {
            throw new DocumentException(input + ": nesting too deep to convert", null);
        }
        return new Result(from, to, read[0], context.substitutions(), context.substitutionCount());
    }

    private static void validate(Path input, JsonNode doc, Options options) {
        if (options.registry() == null) {
            throw new IllegalArgumentException("--schema needs a schema registry");
        }
        List<Violation> found = options.registry().validate(doc, options.schemaId());
        if (!found.isEmpty()) {
            throw new SchemaViolations(input.toString(), options.schemaId(), found);
        }
    }

    private static DocumentSink writer(Format to, OutputStream out, Context context, Options options) {
        return switch (to) {
            case JSON -> new JsonWriter(out, context, options.indentJson());
            case CBOR -> new CborWriter(out);
            case YAML -> new YamlWriter(out, options.schemaId() == null ? null
                    : SchemaDescriptions.of(options.registry(), options.schemaId()));
            case HDF5 -> throw new IllegalStateException("HDF5 is written from a tree");
        };
    }

    private static void read(Path input, Format from, Context context, DocumentSink sink, Options options, long[] read) {
        if (from == Format.HDF5) {
            Hdf5Reader.read(input, context, sink);
            try {
                read[0] = Files.size(input);
            } catch (IOException e) {
                read[0] = -1;
            }
            return;
        }
        try (InputStream raw = Files.newInputStream(input);
             InputStream in = new Counting(new BufferedInputStream(raw, 1 << 16), options.progress(), read)) {
            Handoff.Reader reader = switch (from) {
                case JSON -> (c, s) -> new JsonReader(c).read(in, s);
                case YAML -> (c, s) -> new YamlReader(c).read(in, s, () -> Files.newInputStream(input));
                case CBOR -> (c, s) -> new CborReader(c).read(in, s);
                default -> throw new IllegalStateException();
            };
            if (Files.size(input) >= options.twoThreadsFrom()) {
                Handoff.run(context, reader, sink);
            } else {
                reader.read(context, sink);
            }
        } catch (IOException e) {
            throw cannotRead(input, e);
        }
    }

    static void checkInput(Path input) {
        if (!Files.exists(input)) {
            throw new DocumentException(input + ": no such file");
        }
        if (Files.isDirectory(input)) {
            throw new DocumentException(input + ": is a directory, not a file");
        }
        if (!Files.isReadable(input)) {
            throw new DocumentException(input + ": cannot read: permission denied");
        }
    }

    private static void checkOutput(Path input, Path target) {
        Path folder = target.getParent();
        if (Files.isDirectory(target)) {
            throw new DocumentException(target + ": is a directory");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new DocumentException(target + ": cannot write: folder " + folder + " does not exist");
        }
        if (!Files.isWritable(folder)) {
            throw new DocumentException(target + ": cannot write: permission denied");
        }
        try {
            if (Files.exists(target) && Files.isSameFile(input, target)) {
                throw new DocumentException(target + ": the output would overwrite the input");
            }
        } catch (IOException e) {
            throw new DocumentException(target + ": cannot write: " + reason(e), e);
        }
    }

    static DocumentException cannotRead(Path input, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new DocumentException(input + ": no such file");
        }
        if (e instanceof AccessDeniedException) {
            return new DocumentException(input + ": cannot read: permission denied");
        }
        return new DocumentException(input + ": cannot read: " + reason(e), e);
    }

    static String reason(Throwable e) {
        String m = e == null ? null : e.getMessage();
        if (m == null) {
            return e == null ? "I/O error" : e.getClass().getSimpleName();
        }
        return m.lines().findFirst().orElse(m);
    }

    /** Counts bytes read and reports them to the progress listener every megabyte. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer progress;
        private final long[] total;
        private long lastReport;

        Counting(InputStream in, LongConsumer progress, long[] total) {
            super(in);
            this.progress = progress;
            this.total = total;
        }

        private void add(long n) {
            if (n > 0) {
                total[0] += n;
                if (progress != null && total[0] - lastReport >= 1 << 20) {
                    lastReport = total[0];
                    progress.accept(total[0]);
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            add(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            add(n);
            return n;
        }
    }

    /** Keeps the first {@link #HOLD_BACK} bytes, then streams; {@link #release()} writes the rest. */
    private static final class HoldBack extends OutputStream {
        private final OutputStream out;
        private ByteArrayOutputStream held = new ByteArrayOutputStream();

        HoldBack(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (held != null) {
                held.write(b, off, len);
                if (held.size() >= HOLD_BACK) {
                    held.writeTo(out);
                    held = null;
                }
            } else {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() {
            // held output is flushed by release()
        }

        void release() throws IOException {
            if (held != null) {
                held.writeTo(out);
                held = null;
            }
            out.flush();
        }
    }
}
