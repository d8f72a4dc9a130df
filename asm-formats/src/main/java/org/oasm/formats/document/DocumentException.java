package org.oasm.formats.document;

import org.oasm.formats.root.OasmException;

/**
 * A document that cannot be read, converted or written under the rules: malformed input, a value
 * the target format cannot hold exactly (without {@code --lossy}), a limit exceeded. The message
 * is one line, {@code FILE: WHERE: PROBLEM}, where WHERE is a line and column, a byte offset or
 * a JSON Pointer, whichever the format can say.
 */
public class DocumentException extends OasmException {

    public DocumentException(String message) {
        super(message, FAILED, null);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, FAILED, cause);
    }
}
