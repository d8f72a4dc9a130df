/**
 * Conversion between JSON, YAML, CBOR and HDF5 under strict rules ({@code docs/CONVERSION_RULES.md}).
 *
 * <p>{@link org.oasm.formats.convert.Converter} is the entry point: it recognises the input
 * ({@link org.oasm.formats.convert.Format}), wires a reader to a writer through the shared
 * {@link org.oasm.formats.document.Context}, and writes to a temporary file that is renamed into
 * place only when the whole conversion succeeded. JSON, YAML and CBOR stream from parser to
 * generator in constant memory; HDF5 output, {@code --schema} validation and the schema
 * overlay's lookups need what their names say (the tree for the first two, the schema for the
 * third). JSON goes through Jackson 3's parser and generator; CBOR through our own decoder and
 * encoder (Jackson's CBOR parser turns integer map keys into text and its generator writes
 * 64-bit unsigned integers as bignums, both against the rules); YAML through snakeyaml-engine,
 * the YAML 1.2 engine under Jackson 3's YAML module, at the event level (Jackson's YAML parser
 * does not expand aliases).
 */
package org.oasm.formats.convert;
