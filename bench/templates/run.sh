#!/usr/bin/env bash
# The templates benchmarks, with hyperfine, each against its reference in the same run:
#  1. `oasm scan` of a 100,000-line mixed tree with the bundled rules, against `grep -rEn` with
#     the same patterns (those that grep -E can express; see patterns.py); the goal is within 3x;
#     also each scan timed inside one cockpit (`time oasm scan`), typed at the interactive REPL
#     (in tmux) and in a session file;
#  2. `oasm execute` of fix_unsafe_blocks over 1,000 Rust files (working copy, edit, scan test,
#     diff, commit with its lineage record), goal at most 5 s; `cp -r` of the same tree for scale;
#  3. the same `./oasm scan` from bash with a resident cockpit running (`oasm resident start`,
#     its own run folder here): the launcher hands the scan over and starts no JVM. Its first
#     scans of the tree are printed (the JIT is still at work on them); hyperfine then takes ten
#     warm-up runs before it times, against grep in the same run.
# Usage: bench/templates/run.sh [WORK_DIR]. Builds the cockpit through ./oasm when needed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$(mktemp -d)}"
oasm="$repo/oasm"
runs="${RUNS:-10}"
mkdir -p "$work"

python3 "$here/gen_tree.py" mixed "$work/mixed" 100000
python3 "$here/patterns.py" > "$work/patterns.ere"
"$oasm" --root "$work/root" --no-provenance templates list >/dev/null   # build and train once, outside the timings

# A session file runs ten scans in one cockpit: the time of a scan once the JVM is warm.
for i in $(seq 10); do echo "oasm scan $work/mixed --format json > /dev/null"; done > "$work/ten_scans.oasm"

hyperfine --warmup 2 --runs "$runs" -i --export-json "$work/scan.json" \
  -n 'grep -rEn (same patterns)' "grep -rEn -f $work/patterns.ere $work/mixed > /dev/null" \
  -n 'oasm scan' "OASM_RESIDENT=0 $oasm --root $work/root --no-provenance scan $work/mixed > /dev/null 2>&1" \
  -n 'oasm: 10 scans in one cockpit' "$oasm --root $work/root --no-provenance $work/ten_scans.oasm"

# The same scan typed at the interactive cockpit, timed by its `time` (bash's reserved word):
# the REPL runs in a tmux terminal of its own (stdin a terminal, so the launcher gives it the
# optimising compiler, as a user's REPL has), its standard error, where `time` reports, to a file.
scans="${SCANS:-30}"
if command -v tmux >/dev/null; then
  sock="oasm-bench-$$"
  rm -f "$work/repl-times.txt"
  tmux -L "$sock" new-session -d -x 200 -y 50 \
    "$oasm --root $work/root --no-provenance 2> $work/repl-times.txt; tmux -L $sock wait-for -S done"
  sleep 3
  tmux -L "$sock" send-keys "TIMEFORMAT=%3R" Enter
  for i in $(seq "$scans"); do
    tmux -L "$sock" send-keys "time oasm scan $work/mixed > /dev/null 2>&1" Enter
  done
  tmux -L "$sock" send-keys "exit" Enter
  timeout 600 tmux -L "$sock" wait-for done || true
  tmux -L "$sock" kill-server 2>/dev/null || true
  grep -E '^[0-9]+\.[0-9]{3}$' "$work/repl-times.txt" > "$work/repl-scan-times.txt" || true
fi
# The same in a session file (no terminal: the launcher's quick compiler only).
(echo "TIMEFORMAT=%3R"; for i in $(seq "$scans"); do echo "time oasm scan $work/mixed > /dev/null 2>&1"; done) > "$work/timed_scans.oasm"
"$oasm" --root "$work/root" --no-provenance "$work/timed_scans.oasm" 2> "$work/file-times.txt" || true
grep -E '^[0-9]+\.[0-9]{3}$' "$work/file-times.txt" > "$work/file-scan-times.txt" || true

hyperfine --warmup 1 --runs "$runs" --export-json "$work/execute.json" \
  --prepare "rm -rf $work/unsafe $work/unsafe_copy && python3 $here/gen_tree.py unsafe $work/unsafe 1000 >/dev/null" \
  -n 'cp -r (1,000 files)' "cp -r $work/unsafe $work/unsafe_copy" \
  -n 'oasm execute fix_unsafe_blocks --yes' "$oasm --root $work/root execute --template fix_unsafe_blocks --target $work/unsafe --yes > /dev/null"

# 3. With a resident cockpit (recording on, as a user's scans are recorded).
export OASM_RESIDENT_DIR="$work/resident"
"$oasm" --root "$work/root" resident start
: > "$work/resident-first.txt"
for i in 1 2 3 4 5; do
  /usr/bin/time -f %e -a -o "$work/resident-first.txt" "$oasm" --root "$work/root" scan "$work/mixed" > /dev/null 2>&1 || true
done
hyperfine --warmup 10 --runs "$runs" -i --export-json "$work/resident.json" \
  -n 'grep -rEn (same patterns)' "grep -rEn -f $work/patterns.ere $work/mixed > /dev/null" \
  -n 'oasm scan (resident cockpit)' "$oasm --root $work/root scan $work/mixed > /dev/null 2>&1"
"$oasm" --root "$work/root" resident stop
unset OASM_RESIDENT_DIR

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
for name in ("scan", "execute", "resident"):
    res = json.load(open("%s/%s.json" % (work, name)))["results"]
    base = res[0]["median"]
    cpu0 = res[0]["user"] + res[0]["system"]
    for r in res:
        cpu = r["user"] + r["system"]
        print("%-40s median %8.3f s (x%.1f of %s); cpu %.3f s (x%.1f)" % (r["command"], r["median"], r["median"] / base,
              res[0]["command"], cpu, cpu / cpu0))
first = [float(x) for x in open("%s/resident-first.txt" % work).read().split() if x[0].isdigit()]
print("oasm scan (resident cockpit), its first five scans of the tree: %s s" % ", ".join("%.2f" % t for t in first))
grep = json.load(open("%s/scan.json" % work))["results"][0]["median"]
for name, label in (("repl", "typed at the interactive cockpit"), ("file", "in a session file")):
    try:
        times = [float(x) for x in open("%s/%s-scan-times.txt" % (work, name)).read().split()]
    except OSError:
        continue
    if len(times) < 11:
        print("%s: only %d timed scans" % (label, len(times)))
        continue
    warm = sorted(times[10:])
    median = warm[len(warm) // 2]
    print("oasm scan %-33s first %.3f s, second %.3f s, median of scans 11-%d %.3f s (x%.1f of grep)"
          % (label + ":", times[0], times[1], len(times), median, median / grep))
PY
echo "work folder: $work (remove it when done)"
