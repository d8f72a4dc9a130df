import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.oasm.bridge.ModuleInputs;
import org.oasm.bridge.PythonBridge;

/**
 * Warm calls through the real bridge: one cockpit-like bridge (one GraalPy context), each case
 * called WARMUP times, then RUNS timed calls; prints "case median_ms" lines. The same cases run
 * under CPython in warm_cpython.py. Run from run.sh with the cockpit's class path:
 * java -cp CLASSPATH WarmBench.java INPUTS WARMUP RUNS
 */
public class WarmBench {
    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        String[][] cases = {
            {"pattern_lab/scan", "pattern_lab", "scan/scan.json"},
            {"pattern_lab/records", "pattern_lab", "scan/failures.log"},
            {"semi_fixers/diffs", "semi_fixers", "diffs"},
            {"analysis_viz/viz", "analysis_viz", "viz"},
        };
        try (PythonBridge bridge = PythonBridge.create()) {
            for (String[] c : cases) {
                Path file = in.resolve(c[2]);
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < warmup + runs; i++) {
                    Path out = Files.createTempDirectory("oasm-bench");
                    ModuleInputs.Request r = ModuleInputs.forMain(c[1], file, file.getParent(), out);
                    long t0 = System.nanoTime();
                    bridge.call(c[1], "main", r.kwargs(), r.grants());
                    if (i >= warmup) {
                        times.add((System.nanoTime() - t0) / 1e6);
                    }
                }
                Collections.sort(times);
                System.out.printf("%s %.1f%n", c[0], times.get(times.size() / 2));
            }
        }
        System.exit(0);
    }
}
