package org.oasm.substrate;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One command as it starts: a whole line the user entered, or one command (stage) of it.
 * {@code parentId} links a stage to its line (0 for a line).
 */
public record CommandEvent(long id, long parentId, Level level, String text, Path cwd, Instant startedAt) {

    /** Whether the event is a whole input line or one command of it. */
    public enum Level { LINE, STAGE }
}
