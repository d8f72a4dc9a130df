package org.oasm.formats.provenance;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lines of a file from the last to the first, read in chunks from the end, so that "the
 * newest N records" costs what those records cost, not what the whole file costs.
 */
final class ReverseLines implements Closeable {

    private static final int CHUNK = 64 * 1024;

    private final FileChannel channel;
    private long position;
    private byte[] buffer = new byte[0];
    private int end;

    ReverseLines(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        position = channel.size();
    }

    /** The previous line without its newline, or null before the first line. */
    String previous() throws IOException {
        while (true) {
            for (int i = end - 1; i >= 0; i--) {
                if (buffer[i] == '\n') {
                    String line = new String(buffer, i + 1, end - i - 1, StandardCharsets.UTF_8);
                    end = i;
                    return line;
                }
            }
            if (position == 0) {
                if (end == 0) {
                    return null;
                }
                String line = new String(buffer, 0, end, StandardCharsets.UTF_8);
                end = 0;
                return line;
            }
            readChunk();
        }
    }

    private void readChunk() throws IOException {
        int n = (int) Math.min(CHUNK, position);
        byte[] grown = new byte[n + end];
        ByteBuffer target = ByteBuffer.wrap(grown, 0, n);
        long from = position - n;
        while (target.hasRemaining()) {
            int read = channel.read(target, from + target.position());
            if (read < 0) {
                throw new IOException("file shrank while being read");
            }
        }
        System.arraycopy(buffer, 0, grown, n, end);
        buffer = grown;
        end = n + end;
        position = from;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
