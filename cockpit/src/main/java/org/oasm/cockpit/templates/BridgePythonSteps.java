package org.oasm.cockpit.templates;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.oasm.bridge.CallResult;
import org.oasm.bridge.Grants;
import org.oasm.bridge.PythonBridge;
import org.oasm.bridge.PythonError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A python step on the polyglot bridge, sandboxed to the working copy: Python may read the whole
 * copy and nothing else; {@code files} (paths relative to the copy) become absolute paths inside
 * it; {@code output}, when given, is the folder of the copy it may write to (what it writes there
 * is part of the change, as an edit's would be). The module's {@code stdout} answer and its
 * summary lines are printed; a Python exception fails the step with its one line.
 */
final class BridgePythonSteps implements PythonSteps {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<PythonBridge> bridge;

    BridgePythonSteps(Supplier<PythonBridge> bridge) {
        this.bridge = bridge;
    }

    @Override
    public int run(String module, String function, JsonNode args, Path workingCopy, PrintStream out, PrintStream err)
            throws IOException {
        Path copy = workingCopy.toAbsolutePath().normalize();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (args != null && args.isObject()) {
            for (var field : args.properties()) {
                kwargs.put(field.getKey(), JSON.treeToValue(field.getValue(), Object.class));
            }
        }
        Grants grants = Grants.NONE.andTree(copy);
        if (kwargs.get("files") instanceof List<?> files) {
            List<String> absolute = new ArrayList<>();
            for (Object f : files) {
                absolute.add(inside(copy, String.valueOf(f), "files").toString());
            }
            kwargs.put("files", absolute);
        }
        Object output = kwargs.remove("output");
        if (output != null) {
            Path folder = inside(copy, String.valueOf(output), "output");
            Files.createDirectories(folder);
            grants = grants.writingTo(folder);
        }
        String called = module + "." + (function == null ? "main" : function);
        CallResult r;
        try {
            r = bridge.get().call(module, function == null ? "main" : function, kwargs, grants);
        } catch (PythonError e) {
            err.println("python step " + called + ": " + e.getMessage());
            return 1;
        }
        if (!r.printed().isEmpty()) {
            out.print(r.printed());
        }
        if (r.value() instanceof Map<?, ?> value) {
            Object stdout = value.get("stdout");
            if (stdout != null && !String.valueOf(stdout).isEmpty()) {
                out.print(stdout);
            }
            if (value.get("summary") instanceof List<?> summary) {
                summary.forEach(line -> out.println(line));
            }
        }
        if (!r.outputs().isEmpty()) {
            out.println(called + " wrote " + r.outputs().size() + " file(s)");
        }
        return 0;
    }

    /** A path of the working copy named by a step; one that leads outside it is refused. */
    private static Path inside(Path copy, String relative, String what) {
        Path p = copy.resolve(relative).normalize();
        if (!p.startsWith(copy)) {
            throw new StepException("the python step's " + what + " '" + relative + "' is outside the working copy");
        }
        return p;
    }
}
