package org.oasm.formats.convert;

import java.util.List;
import org.oasm.formats.document.DocumentException;
import org.oasm.formats.schema.Violation;

/**
 * A document that does not conform to the schema named by {@code --schema}: every violation,
 * each a JSON Pointer with the reason. The message is one line per violation, each of the form
 * {@code FILE: POINTER: REASON}, after a first line that counts them.
 */
public final class SchemaViolations extends DocumentException {

    private final List<Violation> violations;

    public SchemaViolations(String file, String schemaId, List<Violation> violations) {
        super(message(file, schemaId, violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(String file, String schemaId, List<Violation> violations) {
        StringBuilder sb = new StringBuilder(file + ": does not conform to schema " + schemaId + " ("
                + violations.size() + (violations.size() == 1 ? " violation)" : " violations)"));
        for (Violation v : violations) {
            sb.append('\n').append(file).append(": ").append(v.jsonPointer().isEmpty() ? "/" : v.jsonPointer())
                    .append(": ").append(v.message());
        }
        return sb.toString();
    }
}
