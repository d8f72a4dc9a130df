/**
 * An HDF5 file as a document tree, both ways, as the contract defines it:
 * <pre>
 * group:   {"kind": "group", "attributes": {...}, "members": {"NAME": node, ...}}
 * dataset: {"kind": "dataset", "dtype": "int8|...|uint64|float32|float64|string|bool",
 *           "shape": [d0, d1, ...], "attributes": {...}, "data": nested arrays, row-major}
 * </pre>
 * A dataset of shape {@code []} holds a scalar as its data. An attribute value is either plain
 * (text, an integer, a float, a boolean, or rectangular nested arrays of one of them: stored as
 * string, int64, float64 or bool) or typed, {@code {"dtype": D, "shape": S, "data": X}}, for any
 * other dtype; the reader writes the plain form exactly when the attribute's dtype is the one the
 * plain form implies, so a file reads back to the same document every time.
 *
 * <p>Reading ({@link org.oasm.formats.hdf5.Hdf5Reader}) streams: contiguous datasets are read in
 * slices along their first dimension. Writing ({@link org.oasm.formats.hdf5.Hdf5Writer}) uses jHDF
 * 0.13, which writes new files only and each dataset from one Java array; its limits are listed
 * in {@code docs/CONVERSION_RULES.md}.
 */
package org.oasm.formats.hdf5;
