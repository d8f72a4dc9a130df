package org.oasm.formats.document;

/**
 * Bounds on what an input may ask of a conversion, so that a hostile file fails with a clear
 * error instead of exhausting the stack or the heap.
 *
 * @param maxDepth          deepest nesting of objects and arrays (the top-level value is depth 1)
 * @param maxAliasNodes     nodes a YAML document may produce by expanding aliases, in total; the
 *                          billion-laughs file asks for about 10^9 and is refused; the default
 *                          of 100,000 keeps what streams out before the refusal under the
 *                          output held back from stdout, so a refused document prints nothing
 * @param maxStringBytes    longest text or byte string, in bytes (UTF-8 for text)
 */
public record Limits(int maxDepth, long maxAliasNodes, int maxStringBytes) {

    /** The limits every conversion uses unless told otherwise. */
    public static final Limits DEFAULT = new Limits(512, 100_000, 256 * 1024 * 1024);

    public Limits {
        if (maxDepth < 1 || maxAliasNodes < 0 || maxStringBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
