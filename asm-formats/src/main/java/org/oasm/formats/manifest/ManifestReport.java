package org.oasm.formats.manifest;

import java.util.List;

/**
 * What loading the manifests found: the master manifest (as far as it could be read) and every
 * problem, all of them together, so that one run of {@code oasm manifest validate} shows them all.
 */
public record ManifestReport(Manifest manifest, List<Problem> problems) {

    public ManifestReport {
        problems = List.copyOf(problems);
    }

    /** True when nothing is wrong. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
