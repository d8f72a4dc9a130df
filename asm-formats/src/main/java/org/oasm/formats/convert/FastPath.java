package org.oasm.formats.convert;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;
import org.oasm.formats.document.DocumentException;

/**
 * How a fast conversion (one that goes from bytes to bytes without the event model, such as
 * {@link JsonToCbor}) hands over to the general path when it meets something it leaves to it.
 *
 * <p>A fast conversion writes exactly the bytes the general path writes for the same document,
 * so when it gives up, the general path runs from the start of the input and the output it
 * produces again for the part already written is skipped, after a checksum of that part has
 * been compared with the checksum of what the fast conversion wrote. The general path then
 * converts the rest, or reports the error (with its position or JSON Pointer) that made the fast
 * conversion give up. Nothing the user sees depends on which path did the work.
 */
final class FastPath {

    /**
     * How often, in this process, a first reader took a second reader's half, and how often it
     * went on alone past where the second began: statistics for the tests, which check that the
     * inputs they split do split.
     */
    static final java.util.concurrent.atomic.AtomicLong HALVES_JOINED = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong HALVES_MISSED = new java.util.concurrent.atomic.AtomicLong();

    private FastPath() {
    }

    /**
     * What trying a fast conversion came to: its result, or the output the general path must
     * write to (which skips what the fast one wrote) and the check to make after it.
     */
    record Attempt(Converter.Result result, OutputStream output, Runnable check) {
    }

    /**
     * Runs the fast conversion for these formats and options if there is one: JSON to CBOR
     * ({@link JsonToCbor}), CBOR to one-line JSON ({@link CborToJson}) and block YAML to one-line
     * JSON ({@link YamlToJson}), from a regular file,
     * without a schema; large inputs in halves on two threads. {@code file} is the channel
     * {@code out} writes to when the output is a file (else null); {@code scratchFolder} holds
     * the second half's output meanwhile.
     */
    static Attempt attempt(Path input, Format from, Format to, OutputStream out, FileChannel file, Converter.Options options,
                           Path scratchFolder) {
        boolean jsonToCbor = from == Format.JSON && to == Format.CBOR;
        boolean cborToJson = from == Format.CBOR && to == Format.JSON && !options.indentJson();
        boolean yamlToJson = from == Format.YAML && to == Format.JSON && !options.indentJson();
        if (!options.fastPaths() || options.schemaId() != null || !(jsonToCbor || cborToJson || yamlToJson)
                || !Files.isRegularFile(input)) {
            return new Attempt(null, out, () -> { });
        }
        Tracked tracked = new Tracked(out, file);
        try {
            if (yamlToJson) {
                try (FileChannel in = FileChannel.open(input, StandardOpenOption.READ)) {
                    YamlToJson y = new YamlToJson(in, tracked, options.limits());
                    y.progress(new SecondHalf.Progress(options.progress()).first()); // totals, from the reads' counts
                    y.run();
                }
            } else if (jsonToCbor) {
                JsonToCborInHalves.convert(input, tracked, options.limits(), scratchFolder, options.progress(), options.halvesFrom());
            } else {
                CborToJsonInHalves.convert(input, tracked, options.limits(), scratchFolder, options.progress(), options.halvesFrom());
            }
            return new Attempt(new Converter.Result(from, to, Files.size(input), List.of(), 0), out, () -> { });
        } catch (GiveUp e) {
            Resumed resumed = tracked.resume(input.toString());
            return new Attempt(null, resumed, resumed::check);
        } catch (IOException e) {
            throw Converter.cannotRead(input, e);
        } catch (UncheckedIOException e) {
            throw new DocumentException(input + ": " + Converter.reason(e.getCause()), e);
        }
    }

    /** A fast conversion leaves the input to the general path; the reason is for debugging only. */
    static final class GiveUp extends RuntimeException {
        GiveUp(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The output of a fast conversion: counts what reaches the real output, and checksums it
     * unless the output is a file ({@code file}), which can be read back instead if the general
     * path has to take over (so a conversion to a file does not checksum what it writes).
     */
    static final class Tracked extends FilterOutputStream {
        private final FileChannel file;
        private final CRC32C crc = new CRC32C();
        private long written;

        Tracked(OutputStream out, FileChannel file) {
            super(out);
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (file == null) {
                crc.update(b, off, len);
            }
            written += len;
        }

        /**
         * Appends {@code count} bytes of {@code part} from {@code position}: copied by the kernel
         * when the output is a file (nothing written through this stream is buffered), else
         * through this stream.
         */
        void append(FileChannel part, long position, long count) throws IOException {
            if (file != null) {
                for (long done = 0; done < count; ) {
                    done += part.transferTo(position + done, count - done, file);
                }
                written += count;
                return;
            }
            ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(count, 1 << 20));
            for (long done = 0; done < count; ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), count - done));
                int n = part.read(chunk, position + done);
                if (n < 0) {
                    throw new IOException("the second half's scratch file ended early");
                }
                write(chunk.array(), 0, n);
                done += n;
            }
        }

        /** An output for the general path that skips (and checks) what the fast conversion wrote. */
        Resumed resume(String input) {
            return new Resumed(out, written, file, crc.getValue(), input);
        }
    }

    /**
     * Skips the bytes already written by a fast conversion, checking that they are the ones the
     * general path writes (against the output file itself, or against their checksum), then
     * writes the rest.
     */
    static final class Resumed extends OutputStream {
        private final OutputStream out;
        private final FileChannel file;
        private final long expectedCrc;
        private final String input;
        private final CRC32C crc = new CRC32C();
        private final long skipped;
        private long skip;

        Resumed(OutputStream out, long skip, FileChannel file, long expectedCrc, String input) {
            this.out = out;
            this.skip = skip;
            this.skipped = skip;
            this.file = file;
            this.expectedCrc = expectedCrc;
            this.input = input;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (skip > 0) {
                int n = (int) Math.min(skip, len);
                if (file != null) {
                    compareWithFile(b, off, n, skipped - skip);
                } else {
                    crc.update(b, off, n);
                }
                skip -= n;
                off += n;
                len -= n;
                if (skip == 0 && file == null && crc.getValue() != expectedCrc) {
                    throw disagree();
                }
            }
            if (len > 0) {
                out.write(b, off, len);
            }
        }

        private void compareWithFile(byte[] b, int off, int n, long position) throws IOException {
            ByteBuffer written = ByteBuffer.allocate(n);
            while (written.hasRemaining() && file.read(written, position + written.position()) > 0) {
                // read what the fast conversion wrote there
            }
            if (written.hasRemaining() || !java.util.Arrays.equals(written.array(), 0, n, b, off, off + n)) {
                throw disagree();
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        /** After the general path has finished: it must have written at least what was skipped. */
        void check() {
            if (skip > 0) {
                throw disagree();
            }
        }

        private DocumentException disagree() {
            return new DocumentException(input + ": internal error: the fast and the general conversion wrote different bytes");
        }
    }
}
