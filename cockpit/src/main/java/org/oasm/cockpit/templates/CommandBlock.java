package org.oasm.cockpit.templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A command block as its template defines it ({@code command_block} schema): parameters, the
 * files it reads and may change, the steps it runs on a working copy and the tests that must
 * pass before its change may be committed.
 *
 * @param writes globs of the files it may change (its targets when the template names none)
 */
public record CommandBlock(String id, String version, String description, String kind, String domain,
        List<String> languages, Map<String, Parameter> parameters, List<String> targets, List<String> writes,
        List<Step> steps, List<Step> tests) {

    /** One parameter; {@code defaultValue} null when the user must give it. */
    public record Parameter(String name, String type, String defaultValue, String description) {
    }

    public CommandBlock {
        languages = List.copyOf(languages);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        targets = List.copyOf(targets);
        writes = List.copyOf(writes);
        steps = List.copyOf(steps);
        tests = List.copyOf(tests);
    }

    /**
     * One step: what it does ({@link Action}) and how it is run.
     *
     * @param when     conditions for running it at all, or null
     * @param requires programs it needs on PATH
     * @param optional skip instead of failing when a required program is missing
     */
    public record Step(String name, boolean continueOnError, Condition when, List<String> requires, boolean optional,
            Action action) {
        public Step {
            requires = List.copyOf(requires);
        }
    }

    /** What a step does. */
    public sealed interface Action permits Run, Edit, Scan, Assert, Python {
        /** The step kind as templates spell it. */
        String kind();
    }

    /** A command line run in the working copy. */
    public record Run(String command, int expectExit, Integer timeoutSeconds) implements Action {
        public String kind() {
            return "run";
        }
    }

    /**
     * A textual change to the files the globs select; {@code containing} (a regex, or null) narrows
     * them to files with a match; {@code unless} keeps it idempotent.
     */
    public record Edit(List<String> files, List<String> exclude, String containing, EditOp op,
            org.oasm.cockpit.rules.Window unless) implements Action {
        public Edit {
            files = List.copyOf(files);
            exclude = List.copyOf(exclude);
        }

        public String kind() {
            return "edit";
        }
    }

    /** The five edit operations. */
    public sealed interface EditOp permits Replace, InsertBefore, InsertAfter, DeleteLines, SortLines {
    }

    public record Replace(String find, String replacement, boolean regex, Integer maxCount) implements EditOp {
    }

    public record InsertBefore(String regex, String text) implements EditOp {
    }

    public record InsertAfter(String regex, String text) implements EditOp {
    }

    public record DeleteLines(String regex) implements EditOp {
    }

    public record SortLines(String regex, boolean unique) implements EditOp {
    }

    /** A scan of the working copy with the resolved rules; {@code failOn} null for never. */
    public record Scan(String path, List<String> rules, List<String> tags, org.oasm.cockpit.rules.Severity failOn)
            implements Action {
        public Scan {
            rules = List.copyOf(rules);
            tags = List.copyOf(tags);
        }

        public String kind() {
            return "scan";
        }
    }

    /** Conditions that must hold, and what a failure means. */
    public record Assert(Condition condition, String message) implements Action {
        public String kind() {
            return "assert";
        }
    }

    /** A call into a Python module through the polyglot bridge. */
    public record Python(String module, String function, JsonNode args) implements Action {
        public String kind() {
            return "python";
        }
    }

    /**
     * Conditions on the working copy; null fields are not checked.
     *
     * @param fileExists globs of which at least one must match a file
     */
    public record Condition(List<String> fileExists, FileText contains, FileText lacks, String command, int exitStatus) {
    }

    /** A glob of files and a literal text or a regex. */
    public record FileText(String file, String text, String regex) {
    }
}
