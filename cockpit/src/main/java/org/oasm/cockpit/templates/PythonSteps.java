package org.oasm.cockpit.templates;

import java.io.PrintStream;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * How a {@code python} step of a command block reaches Python: a call of {@code module.function}
 * with keyword arguments, run with the working copy as its folder. It exists so that the command
 * blocks do not depend on the polyglot bridge: until the bridge (module polyglot-bridge,
 * {@code org.oasm.bridge.PythonBridge}) is wired in {@link #installed()}, a python step fails with
 * a message that says so.
 */
public interface PythonSteps {

    /**
     * Runs one python step and returns its status (0 success).
     *
     * @param function the function to call, or null for the module's main
     * @param args     keyword arguments (an object), or null
     */
    int run(String module, String function, JsonNode args, Path workingCopy, PrintStream out, PrintStream err)
            throws Exception;

    /** What a build without the bridge does: refuse, naming what is missing. */
    PythonSteps UNAVAILABLE = (module, function, args, dir, out, err) -> {
        throw new StepException("python steps need the polyglot bridge, which this build does not wire yet (step calls "
                + module + (function == null ? "" : "." + function) + ")");
    };

    /** The implementation command blocks use: the bridge once it is wired here. */
    static PythonSteps installed() {
        return UNAVAILABLE;
    }
}
