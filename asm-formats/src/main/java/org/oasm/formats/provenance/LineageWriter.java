package org.oasm.formats.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.oasm.formats.provenance.LineageChange.ChangedFile;
import org.oasm.formats.provenance.LineageChange.TestResult;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes lineage records: {@code logs/lineage/{lineage_id}.json} (lineage_log schema), written
 * whole and forced to disk before it is moved into place, and one line appended to
 * {@code logs/lineage/lineage_chain.json} - JSON Lines, one json_lineage object per line. The
 * chain is appended with a single write under an exclusive file lock (and a JVM-wide lock, since
 * file locks are per process), then forced, so two cockpits on one root never interleave lines and
 * a record is on disk before the command returns.
 */
public final class LineageWriter {

    /** The append-only index of every lineage record. */
    public static final String CHAIN_FILE = "lineage_chain.json";

    private static final Object JVM_LOCK = new Object();

    private final OasmRoot root;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public LineageWriter(OasmRoot root, Clock clock, Supplier<UUID> ids) {
        this.root = root;
        this.clock = clock;
        this.ids = ids;
    }

    /** The file and record of a written lineage record. */
    public record Written(String lineageId, Path file, ObjectNode record) {
    }

    /** Writes the record of a change and appends it to the chain; both are on disk on return. */
    public Written write(LineageChange change) {
        String id = ids.get().toString();
        ObjectNode record = toRecord(id, change);
        Path file = root.lineageLogs().resolve(id + ".json");
        AtomicFiles.write(file, (record.toString() + "\n").getBytes(StandardCharsets.UTF_8), true);
        appendChain(chainEntry(record));
        return new Written(id, file, record);
    }

    private ObjectNode toRecord(String id, LineageChange change) {
        ObjectNode parent = change.parentLineageId() == null ? null : read(change.parentLineageId());
        ObjectNode node = Records.base(clock.instant(), change.runId(), change.seq(), change.actor(),
                LogLevel.Info, null);
        node.put("lineage_id", id);
        node.put("parent_lineage_id", change.parentLineageId());
        node.put("summary", change.summary());
        node.put("intent", change.intent());
        node.put("command_executed", Redactor.redact(change.command()));
        node.put("diff_id", change.diffId());
        node.put("git_sha", GitHead.of(change.target()).orElse(null));
        node.put("revert_command", "oasm revert --lineage-id " + id);
        if (!change.changedFiles().isEmpty()) {
            ArrayNode files = node.putArray("changed_files");
            for (ChangedFile f : change.changedFiles()) {
                files.addObject().put("path", f.path()).put("sha256_before", f.sha256Before())
                        .put("sha256_after", f.sha256After());
            }
        }
        ArrayNode tests = node.putArray("tests");
        for (TestResult t : change.tests()) {
            ObjectNode test = tests.addObject().put("name", t.name()).put("status", t.status().name());
            if (t.durationMs() != null) {
                test.put("duration_ms", t.durationMs());
            }
        }
        ObjectNode provenance = node.putObject("provenance");
        ArrayNode chain = provenance.putArray("lineage_chain");
        ArrayNode actors = provenance.putArray("actor_chain");
        if (parent != null) {
            parent.path("provenance").path("lineage_chain").forEach(chain::add);
            chain.add(change.parentLineageId());
            parent.path("provenance").path("actor_chain").forEach(actors::add);
        }
        JsonNode actor = change.actor().toJson();
        if (!contains(actors, actor)) {
            actors.add(actor);
        }
        provenance.put("hdf5_template_id", change.hdf5TemplateId());
        provenance.put("cbor_object_id", change.cborObjectId());
        return node;
    }

    private ObjectNode read(String lineageId) {
        Path file = root.lineageLogs().resolve(lineageId + ".json");
        if (!lineageId.matches("[0-9a-f-]{36}") || !Files.isRegularFile(file)) {
            throw new OasmException(file + ": no such lineage record (parent of the new one)");
        }
        try {
            return (ObjectNode) Records.JSON.readTree(file.toFile());
        } catch (RuntimeException e) {
            throw new OasmException(file + ": not a lineage record: " + e.getMessage(), OasmException.FAILED, e);
        }
    }

    private static ObjectNode chainEntry(ObjectNode record) {
        ObjectNode entry = Records.NODES.objectNode();
        for (String field : List.of("lineage_id", "parent_lineage_id", "timestamp", "run_id", "seq", "summary")) {
            entry.set(field, record.get(field));
        }
        entry.put("file", record.get("lineage_id").asString() + ".json");
        return entry;
    }

    private void appendChain(ObjectNode entry) {
        AtomicFiles.uninterrupted(() -> appendChainNow(entry));
    }

    private void appendChainNow(ObjectNode entry) {
        ByteBuffer line = ByteBuffer.wrap((entry.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        Path chain = root.lineageLogs().resolve(CHAIN_FILE);
        synchronized (JVM_LOCK) {
            // one channel for reading the tail and writing: closing any other descriptor of the
            // file would release this process's lock (POSIX record locks belong to the process)
            try (FileChannel channel = FileChannel.open(chain, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock();
                try {
                    long at = trimTornTail(channel);
                    while (line.hasRemaining()) {
                        at += channel.write(line, at);
                    }
                    channel.force(false);
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + chain + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A writer killed by SIGKILL in the middle of its line can leave part of it: the kernel may
     * stop a write at a page boundary. Under the lock no live writer is mid-line, so an
     * unterminated tail is such a fragment (the record in flight); it is cut off before the next
     * line is appended, so it never runs into a whole line. Returns where the next line goes.
     */
    private static long trimTornTail(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return 0;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        if (channel.read(last, size - 1) == 1 && last.get(0) == '\n') {
            return size;   // the usual case: the file ends with a whole line (which may be longer than a chunk)
        }
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        long end = size;
        while (end > 0) {
            long start = Math.max(0, end - chunk.capacity());
            chunk.clear().limit((int) (end - start));
            while (chunk.hasRemaining() && channel.read(chunk, start + chunk.position()) >= 0) {
                // read the whole chunk
            }
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    channel.truncate(start + i + 1);
                    return start + i + 1;
                }
            }
            end = start;
        }
        channel.truncate(0);
        return 0;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(values::add);
        return values.contains(value);
    }
}
