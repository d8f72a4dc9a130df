package org.oasm.bridge;

import java.nio.file.Path;
import java.util.List;

/**
 * What a call returned: the function's value as plain data (maps with string keys, lists,
 * strings, numbers, booleans, null), the files it wrote (already moved into the output folder),
 * and whatever it printed (bounded, for the user's stderr).
 */
public record CallResult(Object value, List<Path> outputs, String printed) {
    public CallResult {
        outputs = List.copyOf(outputs);
    }
}
