package org.oasm.cockpit.rules;

/**
 * The text of one rule file and where it comes from, as the template tree or a project folder
 * hands it over; reading files is the caller's business, resolving them this package's.
 *
 * @param path  the path under {@code templates/} ({@code rules/domain/rust/x.yaml}), or the
 *              absolute path of a project's {@code .oasm/rules/} file
 * @param name  how messages name it
 * @param layer the layer it belongs to
 * @param domain its domain for domain files, else null
 */
public record RuleText(String path, String name, Layer layer, String domain, byte[] content) {

    /** A file under {@code templates/rules/}, its layer and domain read from its path. */
    public static RuleText shipped(String path, String name, byte[] content) {
        Layer layer = Layer.ofPath(path);
        if (layer == null) {
            throw new IllegalArgumentException(path + ": not under rules/core, rules/domain/LANG, rules/project or rules/session");
        }
        return new RuleText(path, name, layer, Layer.domainOfPath(path), content);
    }
}
