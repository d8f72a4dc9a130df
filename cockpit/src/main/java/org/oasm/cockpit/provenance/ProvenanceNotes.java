package org.oasm.cockpit.provenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oasm.formats.provenance.ProvenanceRecord;

/**
 * What an {@code oasm} command tells its provenance record while it runs: the artifact it used,
 * the command block, the impact of its changes, lossy substitutions, and anything else worth
 * keeping (input hashes, output files). Collected per invocation, written when the command ends.
 */
public final class ProvenanceNotes {

    private String commandBlockId;
    private String hdf5Reference;
    private ProvenanceRecord.Impact impact = ProvenanceRecord.Impact.NONE;
    private final List<ProvenanceRecord.LossySubstitution> lossy = new ArrayList<>();
    private final Map<String, String> context = new LinkedHashMap<>();

    public ProvenanceNotes commandBlock(String id) {
        this.commandBlockId = id;
        return this;
    }

    /** Names the command as its block ({@code oasm.store.put}) unless a command block was named. */
    public ProvenanceNotes defaultCommandBlock(String id) {
        if (commandBlockId == null) {
            commandBlockId = id;
        }
        return this;
    }

    public ProvenanceNotes hdf5Reference(String ref) {
        this.hdf5Reference = ref;
        return this;
    }

    public ProvenanceNotes impact(ProvenanceRecord.Impact value) {
        this.impact = value;
        return this;
    }

    public ProvenanceNotes lossy(ProvenanceRecord.LossySubstitution s) {
        lossy.add(s);
        return this;
    }

    public ProvenanceNotes put(String key, String value) {
        context.put(key, value);
        return this;
    }

    String commandBlockId() {
        return commandBlockId;
    }

    String hdf5Reference() {
        return hdf5Reference;
    }

    ProvenanceRecord.Impact impact() {
        return impact;
    }

    List<ProvenanceRecord.LossySubstitution> lossy() {
        return lossy;
    }

    Map<String, String> context() {
        return context;
    }
}
