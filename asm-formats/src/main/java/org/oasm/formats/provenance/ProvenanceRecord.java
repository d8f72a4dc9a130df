package org.oasm.formats.provenance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an oasm command or command block did, as the cockpit reports it to
 * {@link ProvenanceWriter}: the run and seq of its execution record, the block or subcommand, the
 * artifact it used, the outcome and the impact. The writer adds the time and the CBOR object id.
 *
 * @param hdf5Reference       store reference of the artifact used, or null
 * @param toolVersions        tool name to version (may be empty)
 * @param configHash          {@code sha256:HEX} of the configuration, or null
 * @param lossySubstitutions  values a conversion replaced (empty unless --lossy)
 */
public record ProvenanceRecord(UUID runId, long seq, Actor actor, LogLevel level, String commandBlockId,
                               String command, String hdf5Reference, Outcome outcome, Impact impact,
                               Map<String, String> toolVersions, String configHash,
                               List<LossySubstitution> lossySubstitutions, Map<String, String> context) {

    /** How the execution ended, as the provenance_log schema spells it. */
    public enum Outcome { Success, Failed, PartialSuccess, Cancelled }

    /** Metrics of the changes made. */
    public record Impact(int filesChanged, int linesAdded, int linesRemoved, int functionsAffected,
                         List<String> modulesAffected) {

        /** A command that changed nothing. */
        public static final Impact NONE = new Impact(0, 0, 0, 0, List.of());

        public Impact {
            modulesAffected = List.copyOf(modulesAffected);
        }
    }

    /** A value a format conversion could not carry exactly, and what it became. */
    public record LossySubstitution(String pointer, String original, String replacement, String reason) {
    }

    public ProvenanceRecord {
        toolVersions = toolVersions == null ? Map.of() : Map.copyOf(toolVersions);
        lossySubstitutions = lossySubstitutions == null ? List.of() : List.copyOf(lossySubstitutions);
        context = context == null ? Map.of() : Map.copyOf(context);
        impact = impact == null ? Impact.NONE : impact;
    }

    /** The id of the command's runtime CBOR object and of this record's files. */
    public String cborObjectId() {
        return Records.cborObjectId(runId, seq);
    }
}
