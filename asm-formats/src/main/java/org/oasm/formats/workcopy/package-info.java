/**
 * Copy-on-work: changes are made on a copy and written back to their source in one checked,
 * recorded and reversible commit. Command blocks and the {@code oasm workcopy} commands run on
 * {@link org.oasm.formats.workcopy.WorkingCopies}.
 *
 * <h2>On disk</h2>
 * <pre>
 * artifacts/working/{copy_id}/...                       the copy (one file, or the folder's tree)
 * logs/working_copies/{copy_id}_metadata.json           copy_id, source_kind, source, copy_path,
 *                                                       source_hashes, created, actor, state,
 *                                                       closed_at, stored_as
 * artifacts/diffs/{copy_id}/change.json                 the committed change (copy_id, source_kind,
 *                                                       source, stored_as, committed, actor,
 *                                                       diff_file, files[path, before_sha256,
 *                                                       after_sha256, saved_before])
 * artifacts/diffs/{copy_id}/change.diff                 its unified diff
 * artifacts/diffs/{copy_id}/before/PATH                 the exact bytes the commit replaced
 * </pre>
 * Paths inside the root are written relative to it; hashes are lowercase hex SHA-256.
 *
 * <h2>Crash safety</h2>
 * Every file is written to a temporary file in its destination folder, synced and moved into
 * place with {@code ATOMIC_MOVE}: a killed commit leaves each source file with its old bytes or
 * its new bytes. The files of one step (a copy's files, the before-bytes, a commit's files) are
 * all staged first and synced side by side, then moved: the commit checks every file before it
 * moves the first. The before-bytes and {@code change.json} are written before the first source
 * file, so committing again resumes an interrupted commit, and {@code restore} can always undo.
 */
package org.oasm.formats.workcopy;
