/**
 * The one document model that JSON, YAML, CBOR and HDF5 share, and its limits.
 *
 * <p>A document is a stream of events ({@link org.oasm.formats.document.DocumentSink}): objects
 * with text keys, arrays, text, exact integers ({@code long}, or {@link java.math.BigInteger}
 * beyond it), binary floats (64- or 32-bit), booleans, null and byte strings. Readers push
 * events, writers receive them, so a conversion is a reader wired to a writer and never holds
 * the document. Where a tree is needed (HDF5, schema validation) {@link
 * org.oasm.formats.document.TreeSink} builds a Jackson {@code JsonNode} and {@link
 * org.oasm.formats.document.TreeSource} replays one; byte strings stay binary nodes and integers
 * stay exact there too.
 *
 * <p>{@link org.oasm.formats.document.Limits} bounds what an input may ask for: nesting depth,
 * nodes produced by YAML alias expansion, and the length of one text or byte string.
 * {@link org.oasm.formats.document.Checked} enforces depth and refuses duplicate keys, and keeps
 * the JSON Pointer of the current value for error messages and lossy-substitution reports.
 */
package org.oasm.formats.document;
