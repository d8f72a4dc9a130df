/**
 * The immutable HDF5 artifact store: templates, baselines and snapshots kept as versions that
 * never change, one HDF5 file per version.
 *
 * <h2>On disk</h2>
 * <pre>
 * artifacts/hdf5/.lock                                  taken by put and verify
 * artifacts/hdf5/{templates,baselines,snapshots}/NAME/vVERSION.h5
 * </pre>
 * Each file holds one dataset {@code /content}, unsigned 8-bit ({@code H5T_STD_U8LE}; jHDF 0.13
 * writes unsigned integers through {@code DatasetCreationOptions.builder().unsigned()}), with the
 * string attributes {@code sha256} (lowercase hex), {@code media_type}, {@code created}
 * (ISO-8601 UTC), {@code actor}, {@code name}, {@code version} (without its {@code v}) and
 * {@code original_name}, and the 64-bit integer attribute {@code size}. The root group carries
 * {@code oasm_artifact_format = "1"}. Files open in {@code h5dump} and h5py, and files written by
 * h5py in this layout (contiguous or chunked and compressed) are read back.
 *
 * <h2>References</h2>
 * {@code /artifacts/NAME/vVERSION} ({@link org.oasm.formats.store.ArtifactRef}); the short form
 * {@code NAME/vVERSION} is accepted. A name lives on one shelf, so a reference needs no category.
 *
 * <h2>Limits</h2>
 * jHDF writes a dataset from one Java array: content must be smaller than 2 GiB and a put holds
 * it about three times in the heap (measured: 256 MiB needs more than 512 MiB of heap). jHDF
 * cannot write a zero-length dataset, so empty files are refused. Reading a contiguous dataset
 * (what the store writes) goes in 1 MiB slices, so {@code get} to a file and {@code verify} use
 * constant memory; {@code get} to a {@code byte[]} and chunked datasets (h5py) are read whole.
 */
package org.oasm.formats.store;
