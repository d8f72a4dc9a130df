#!/usr/bin/env bash
# The polyglot bridge benchmark (figures in docs/BENCHMARKS.md, section "Polyglot bridge").
#
#   1. start-up: hyperfine runs, in fresh processes, `./oasm -c true` (the cockpit alone),
#      `./oasm analyze` of a small Python file (the first call: GraalPy starts), and the same
#      module under CPython (`python3`, importing the module from the jar's source folder);
#   2. warm calls: WarmBench.java calls each module on larger inputs in one bridge (one GraalPy
#      context, as a cockpit has) and warm_cpython.py runs the same calls under CPython;
#      both print the median of RUNS calls after WARMUP calls. The Java side runs twice: with the
#      launcher's C1-only JIT (-XX:TieredStopAtLevel=1) and with the full tiered JIT (C2).
#
# Needs the cockpit built (./oasm builds it) and hyperfine; python3 on PATH (override: PYTHON=).
# Usage: bench/bridge/run.sh [WORK_DIR] [WARMUP] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$(mktemp -d)}"
warmup="${2:-3}"
runs="${3:-5}"
java="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
python="${PYTHON:-python3}"
sources="$repo/polyglot-bridge/src/main/resources/org/oasm/bridge/python"

"$repo/oasm" -c true >/dev/null  # builds and trains the AOT cache if needed
"$python" "$here/make_inputs.py" "$work/inputs"
cd "$work"
cp="$repo/cockpit/target/cockpit-0.1.0-SNAPSHOT.jar:$(cat "$repo/cockpit/target/classpath.txt")"

echo "== start-up (fresh process each run)"
hyperfine -N -w 2 -r "${HYPERFINE_RUNS:-10}" --export-markdown "$work/startup.md" \
  "$repo/oasm -c true" \
  "$repo/oasm --root $work/root analyze --module analysis_viz --file $work/inputs/small/sample.py" \
  "$python -c 'import sys; sys.path.insert(0, \"$sources\"); import analysis_viz; print(analysis_viz.main([\"$work/inputs/small/sample.py\"])[\"stdout\"], end=\"\")'"

echo "== warm calls, median ms (CPython, then GraalPy with C1 only, then GraalPy with C2)"
"$python" "$here/warm_cpython.py" "$sources" "$work/inputs" "$warmup" "$runs" | tee "$work/warm_cpython.txt"
flags=(-XX:+UseSerialGC --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
"$java" "${flags[@]}" -XX:TieredStopAtLevel=1 -cp "$cp" "$here/WarmBench.java" "$work/inputs" "$warmup" "$runs" \
  | tee "$work/warm_graalpy_c1.txt"
"$java" "${flags[@]}" -cp "$cp" "$here/WarmBench.java" "$work/inputs" "$warmup" "$runs" | tee "$work/warm_graalpy_c2.txt"
echo "results in $work"
