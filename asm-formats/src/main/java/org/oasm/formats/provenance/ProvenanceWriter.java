package org.oasm.formats.provenance;

import java.nio.file.Path;
import java.time.Clock;
import java.util.TreeMap;
import org.oasm.formats.provenance.ProvenanceRecord.Impact;
import org.oasm.formats.provenance.ProvenanceRecord.LossySubstitution;
import org.oasm.formats.root.OasmRoot;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Writes provenance records: {@code logs/provenance/{run_id}_{seq}.yaml}, and the same record as
 * {@code .cbor} when asked (the profile's {@code provenance.cbor}). Each file is written whole to
 * a temporary file and moved into place, so a reader never sees half a record.
 */
public final class ProvenanceWriter {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final CBORMapper CBOR = CBORMapper.builder().build();

    private final OasmRoot root;
    private final Clock clock;
    private final boolean cbor;

    public ProvenanceWriter(OasmRoot root, Clock clock, boolean cbor) {
        this.root = root;
        this.clock = clock;
        this.cbor = cbor;
    }

    /** Writes the record and returns the YAML file. */
    public Path write(ProvenanceRecord record) {
        ObjectNode node = toRecord(record);
        Path yaml = root.provenanceLogs().resolve(record.cborObjectId() + ".yaml");
        AtomicFiles.write(yaml, YAML.writeValueAsBytes(node), false);
        if (cbor) {
            AtomicFiles.write(root.provenanceLogs().resolve(record.cborObjectId() + ".cbor"),
                    CBOR.writeValueAsBytes(node), false);
        }
        return yaml;
    }

    /** The record as the provenance_log schema describes it; secrets are redacted here. */
    public ObjectNode toRecord(ProvenanceRecord record) {
        ObjectNode node = Records.base(clock.instant(), record.runId(), record.seq(), record.actor(),
                record.level(), record.context());
        node.put("command_block_id", record.commandBlockId());
        if (record.command() != null) {
            node.put("command", Redactor.redact(record.command()));
        }
        node.put("hdf5_reference", record.hdf5Reference());
        node.put("cbor_object_id", record.cborObjectId());
        node.put("outcome", record.outcome().name());
        Impact impact = record.impact();
        ObjectNode metrics = node.putObject("impact");
        metrics.put("files_changed", impact.filesChanged());
        metrics.put("lines_added", impact.linesAdded());
        metrics.put("lines_removed", impact.linesRemoved());
        metrics.put("functions_affected", impact.functionsAffected());
        ArrayNode modules = metrics.putArray("modules_affected");
        impact.modulesAffected().forEach(modules::add);
        if (!record.toolVersions().isEmpty()) {
            ObjectNode tools = node.putObject("tool_versions");
            new TreeMap<>(record.toolVersions()).forEach(tools::put);
        }
        if (record.configHash() != null) {
            node.put("config_hash", record.configHash());
        }
        if (!record.lossySubstitutions().isEmpty()) {
            ArrayNode lossy = node.putArray("lossy_substitutions");
            for (LossySubstitution s : record.lossySubstitutions()) {
                ObjectNode entry = lossy.addObject();
                entry.put("pointer", s.pointer());
                entry.put("original", s.original());
                entry.put("replacement", s.replacement());
                if (s.reason() != null) {
                    entry.put("reason", s.reason());
                }
            }
        }
        return node;
    }
}
