"""The warm cases of WarmBench.java under CPython: the same modules (imported from the jar's
source folder), the same inputs, WARMUP calls then RUNS timed calls; prints "case median_ms"."""
import importlib
import os
import statistics
import sys
import tempfile
import time

sources, inputs, warmup, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sys.path.insert(0, sources)
cases = [
    ("pattern_lab/scan", "pattern_lab", "scan/scan.json", {"source_root": os.path.join(inputs, "scan/src")}),
    ("pattern_lab/records", "pattern_lab", "scan/failures.log", {}),
    ("semi_fixers/diffs", "semi_fixers", "diffs", {}),
    ("analysis_viz/viz", "analysis_viz", "viz", {}),
]
for name, module, file, options in cases:
    mod = importlib.import_module(module)
    times = []
    for i in range(warmup + runs):
        out = tempfile.mkdtemp(prefix="oasm-bench")
        t0 = time.perf_counter()
        mod.main([os.path.join(inputs, file)], out, options)
        if i >= warmup:
            times.append((time.perf_counter() - t0) * 1000)
    print("%s %.1f" % (name, statistics.median(times)))
