package org.oasm.cockpit.templates;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.oasm.bridge.PythonBridge;
import tools.jackson.databind.JsonNode;

/**
 * How a {@code python} step of a command block reaches Python: a call of {@code module.function}
 * with keyword arguments, run with the working copy as its folder. It exists so that the block
 * runner depends on what a step needs (a status, its output) rather than on the bridge itself;
 * {@link #through} is the implementation on the cockpit's polyglot bridge.
 */
public interface PythonSteps {

    /**
     * Runs one python step and returns its status (0 success).
     *
     * @param function the function to call, or null for the module's main
     * @param args     keyword arguments (an object), parameters already expanded, or null
     */
    int run(String module, String function, JsonNode args, Path workingCopy, PrintStream out, PrintStream err)
            throws Exception;

    /** Python steps on the cockpit's bridge (made on the first python step, then shared). */
    static PythonSteps through(Supplier<PythonBridge> bridge) {
        return new BridgePythonSteps(bridge);
    }
}
