package org.oasm.cockpit.rules;

/**
 * The lines around a match in which a pattern is looked for: {@code before} lines above the
 * match's line, the line itself and {@code after} lines below it, or the whole file. Rules use it
 * for required and forbidden patterns, edit steps for {@code unless}.
 *
 * @param regex  the Java regular expression looked for (multi-line mode)
 * @param before lines before the match's line
 * @param after  lines after the match's line
 * @param file   look in the whole file instead
 */
public record Window(String regex, int before, int after, boolean file) {
}
