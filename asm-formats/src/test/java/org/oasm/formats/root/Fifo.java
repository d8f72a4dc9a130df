package org.oasm.formats.root;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A FIFO made with {@code mkfifo} and a reader draining it: an output a command cannot rename a
 * temporary file over, as {@code -o /dev/stdout} or {@code -o /dev/null} are, without the risk of
 * replacing a real device should the command get it wrong.
 */
public final class Fifo implements AutoCloseable {

    private final Path path;
    private final CompletableFuture<byte[]> read;

    private Fifo(Path path) {
        this.path = path;
        this.read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(path);  // the open waits for a writer
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Makes the FIFO {@code path} and starts reading it. */
    public static Fifo make(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + path);
        return new Fifo(path);
    }

    public Path path() {
        return path;
    }

    /** What the reader got, once the writer closed it; the FIFO is still a FIFO. */
    public byte[] bytes() throws Exception {
        byte[] bytes = read.get(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(path) && !Files.isRegularFile(path), path + " is still a FIFO");
        return bytes;
    }

    /** Lets a reader that still waits for a writer go. */
    @Override
    public void close() throws IOException {
        if (!read.isDone()) {
            Files.newOutputStream(path).close();
        }
    }
}
