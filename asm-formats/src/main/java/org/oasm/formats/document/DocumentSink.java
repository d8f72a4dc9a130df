package org.oasm.formats.document;

import java.math.BigInteger;

/**
 * Receives one document as events, in order. Readers of every format push to a sink and writers
 * of every format are sinks, which is what lets any pair convert by streaming. Integers arrive
 * exact ({@link #integer(BigInteger)} only for values outside {@code long}); floats arrive as the
 * binary value the input denotes, in the width it had ({@link #float32} keeps a 32-bit value
 * 32-bit so that it prints and encodes in its shortest form).
 */
public interface DocumentSink {

    void startObject();

    /** The key of the next value in the current object. */
    void key(String name);

    void endObject();

    void startArray();

    void endArray();

    void string(String value);

    /**
     * Text given as characters of a parser's buffer, valid only during the call: a reader that
     * has its text in a buffer passes it this way so that a writer can encode it without a
     * {@code String} being made for every value. The default makes the {@code String}.
     */
    default void string(char[] text, int offset, int length) {
        string(new String(text, offset, length));
    }

    void integer(long value);

    /** An integer outside the range of {@code long}. */
    void integer(BigInteger value);

    void float64(double value);

    void float32(float value);

    void bool(boolean value);

    void nul();

    void bytes(byte[] value);

    /** The document is complete; writers flush here. */
    default void finish() {
    }
}
