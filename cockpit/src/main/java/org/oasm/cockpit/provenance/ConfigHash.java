package org.oasm.cockpit.provenance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import org.oasm.cockpit.profile.ShellProfile;

/** The {@code config_hash} of provenance records: SHA-256 of the settings in force, in a stable order. */
public final class ConfigHash {

    private ConfigHash() {
    }

    public static String of(ShellProfile p) {
        String text = "prompt=" + p.prompt() + "\naliases=" + new TreeMap<>(p.aliases()) + "\nenvironment="
                + new TreeMap<>(p.environment()) + "\nhistory_size=" + p.historySize() + "\nlog_level=" + p.logLevel()
                + "\nprovenance=" + p.provenanceEnabled() + "," + p.provenanceCbor() + "\n";
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
