#!/usr/bin/env bash
# Recording overhead of the cockpit: one .oasm session file of 1,000 commands, run by ./oasm with
# provenance (the default) and with --no-provenance, and by bash for reference, timed by hyperfine.
# Two files: 1,000 external programs (`/bin/true`, not bash's builtin), and 1,000 builtins (`echo`
# to /dev/null), where the cost of a record is not hidden behind a process start.
#
# This machine's speed drifts by more than the overhead within a minute, so the three commands are
# timed in alternating rounds (one hyperfine call of RUNS_PER_ROUND runs each, per round), and the
# overhead is the median of each round's difference: drift between rounds cancels out.
# Usage: bench/provenance/overhead.sh [ROUNDS] [RUNS_PER_ROUND]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
rounds="${1:-10}"
per_round="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }

for i in $(seq 1000); do echo "/bin/true"; done >"$work/external.oasm"
for i in $(seq 1000); do echo "echo line $i >/dev/null"; done >"$work/builtin.oasm"
"$repo/oasm" -c true >/dev/null   # build and train the AOT cache outside the measurement

for kind in external builtin; do
  for r in $(seq "$rounds"); do
    OASM_ROOT="$work/root" hyperfine -N --warmup 1 --runs "$per_round" --style none \
      --export-json "$work/$kind.$r.json" \
      -n "oasm, provenance" "$repo/oasm $work/$kind.oasm" \
      -n "oasm --no-provenance" "$repo/oasm --no-provenance $work/$kind.oasm" \
      -n "bash" "bash $work/$kind.oasm" >/dev/null 2>&1
  done
  python3 - "$kind" "$work"/"$kind".*.json <<'PY'
import json, statistics, sys
kind, files = sys.argv[1], sys.argv[2:]
names = ("oasm, provenance", "oasm --no-provenance", "bash")
times = {n: [] for n in names}
diffs = []
for f in files:
    r = {x["command"]: x for x in json.load(open(f))["results"]}
    for n in names:
        times[n] += r[n]["times"]
    diffs.append(r[names[0]]["median"] - r[names[1]]["median"])
with_, without, bash = (statistics.median(times[n]) for n in names)
d = statistics.median(diffs)
print(f"{kind}: median with {with_*1000:.0f} ms, without {without*1000:.0f} ms, bash {bash*1000:.0f} ms "
      f"({len(times[names[0]])} runs each in {len(files)} alternating rounds); "
      f"overhead (median of the rounds' differences) {d*1000:.0f} ms = {d/without*100:.1f} % = {d*1e6/1000:.0f} us per command; "
      f"rounds' differences {min(diffs)*1e3:.0f} to {max(diffs)*1e3:.0f} ms")
PY
done
