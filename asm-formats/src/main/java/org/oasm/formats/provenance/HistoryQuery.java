package org.oasm.formats.provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.oasm.formats.root.OasmException;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads records back for {@code oasm history}. Execution records: the log files newest first (by
 * modification time, which is the time of their last record), each read from its end, stopping
 * as soon as no older file can hold one of the last N matches - so the cost follows what is
 * shown, not how much history there is. Lineage: the record's own file, then its parents' files,
 * one direct read each.
 */
public final class HistoryQuery {

    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final OasmRoot root;

    public HistoryQuery(OasmRoot root) {
        this.root = root;
    }

    /** The last {@code filter.limit()} matching execution records, oldest first. */
    public List<JsonNode> executions(HistoryFilter filter) {
        List<Stamped> found = new ArrayList<>();
        String threshold = null;
        for (LogFile log : logFiles(filter)) {
            if (threshold != null && log.lastWrite().compareTo(threshold) < 0) {
                break;
            }
            if (filter.from() != null && log.lastWrite().compareTo(Records.timestamp(filter.from())) < 0) {
                continue;
            }
            scan(log.path(), filter, found);
            found.sort(Stamped.NEWEST_FIRST);
            if (found.size() > filter.limit()) {
                found.subList(filter.limit(), found.size()).clear();
            }
            if (found.size() == filter.limit()) {
                threshold = found.getLast().timestamp();
            }
        }
        return found.reversed().stream().map(Stamped::record).toList();
    }

    /** A lineage record and all its ancestors, the record first and the root of its chain last. */
    public List<JsonNode> lineage(String lineageId) {
        if (!lineageId.matches(ID)) {
            throw new OasmException("'" + lineageId + "' is not a lineage id (a UUID)", OasmException.USAGE);
        }
        List<JsonNode> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String id = lineageId;
        while (id != null) {
            Path file = root.lineageLogs().resolve(id + ".json");
            if (!seen.add(id)) {
                throw new OasmException(file + ": the lineage chain loops back to this record");
            }
            if (!Files.isRegularFile(file)) {
                String problem = chain.isEmpty() ? "no such lineage record"
                        : "missing, though " + chain.getLast().path("lineage_id").asString() + " names it as parent";
                throw new OasmException(file + ": " + problem, chain.isEmpty() ? OasmException.USAGE : OasmException.FAILED);
            }
            JsonNode record = read(file);
            chain.add(record);
            JsonNode parent = record.path("parent_lineage_id");
            id = parent.isString() && parent.asString().matches(ID) ? parent.asString() : null;
        }
        return List.copyOf(chain);
    }

    private void scan(Path file, HistoryFilter filter, List<Stamped> found) {
        RecordMatcher matcher = filter.matcher();
        String from = matcher.from();
        int matches = 0;
        try (ReverseLines lines = new ReverseLines(file)) {
            for (String line = lines.previous(); line != null; line = lines.previous()) {
                if (line.isBlank() || !matcher.mightMatch(line)) {
                    continue;
                }
                JsonNode record = parse(line);
                if (record == null) {
                    continue;
                }
                String time = record.path("timestamp").asString("");
                if (from != null && time.compareTo(from) < 0) {
                    return;
                }
                if (matcher.matches(record)) {
                    found.add(new Stamped(time, record));
                    if (++matches == filter.limit()) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The execution logs to read, newest first; only the errors logs when looking for failures. */
    private List<LogFile> logFiles(HistoryFilter filter) {
        Path folder = root.executionLogs();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        boolean failures = "Failed".equals(filter.status());
        if (filter.runId() != null) {
            if (!filter.runId().matches(ID)) {
                throw new OasmException("'" + filter.runId() + "' is not a run id (a UUID)", OasmException.USAGE);
            }
            Path file = folder.resolve((failures ? "errors_" : "") + filter.runId() + ".log");
            return Files.isRegularFile(file) ? List.of(new LogFile(file, lastWrite(file))) : List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches((failures ? "errors_" : "") + ID + "\\.log"))
                    .map(p -> new LogFile(p, lastWrite(p)))
                    .sorted(Comparator.comparing(LogFile::lastWrite).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String lastWrite(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            // One millisecond of slack: the file system may round the time of the last write down.
            return Records.timestamp(time.toInstant().plusMillis(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Records.JSON.readTree(line);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Records.JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new OasmException(file + ": not a lineage record: " + e.getOriginalMessage(), OasmException.FAILED, e);
        }
    }

    private record LogFile(Path path, String lastWrite) {
    }

    private record Stamped(String timestamp, JsonNode record) {
        static final Comparator<Stamped> NEWEST_FIRST = Comparator.comparing(Stamped::timestamp)
                .thenComparing(s -> s.record().path("run_id").asString(""))
                .thenComparingLong(s -> s.record().path("seq").asLong())
                .reversed();
    }
}
