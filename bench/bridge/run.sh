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
# Truffle's optimising runtime (what OASM_PYTHON_JIT=1 ./oasm runs): it pays only after many calls,
# so it gets JIT_WARMUP calls of each case first; the interpreter the same, for comparison.
jit_warmup="${JIT_WARMUP:-80}"
jit="$repo/polyglot-bridge/target/python-jit"
upgrade=$(ls "$jit"/upgrade/*.jar | paste -sd:)
jit_cp="$repo/cockpit/target/cockpit-0.1.0-SNAPSHOT.jar:$(tr ':' '\n' < "$repo/cockpit/target/classpath.txt" | grep -v /org/graalvm/ | paste -sd:):$(ls "$jit"/lib/*.jar | paste -sd:)"
echo "== warm calls after $jit_warmup calls: GraalPy interpreter (C2), then the optimising runtime (GraalPy 25.0.3)"
"$java" "${flags[@]}" -cp "$cp" "$here/WarmBench.java" "$work/inputs" "$jit_warmup" "$runs" | tee "$work/warm_graalpy_c2_long.txt"
"$java" "${flags[@]}" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path="$upgrade" \
  -cp "$jit_cp" "$here/WarmBench.java" "$work/inputs" "$jit_warmup" "$runs" | tee "$work/warm_graalpy_jit.txt"
echo "results in $work"
