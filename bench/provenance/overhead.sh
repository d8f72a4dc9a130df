#!/usr/bin/env bash
# Recording overhead of the cockpit: one .oasm session file of 1,000 commands, run by ./oasm with
# provenance (the default) and with --no-provenance, and by bash for reference, timed by hyperfine.
# Two files: 1,000 external programs (`/bin/true`, not bash's builtin), and 1,000 builtins (`echo` to /dev/null), where the
# cost of a record is not hidden behind a process start. Usage: bench/provenance/overhead.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }

for i in $(seq 1000); do echo "/bin/true"; done >"$work/external.oasm"
for i in $(seq 1000); do echo "echo line $i >/dev/null"; done >"$work/builtin.oasm"
"$repo/oasm" -c true >/dev/null   # build and train the AOT cache outside the measurement

for kind in external builtin; do
  OASM_ROOT="$work/root" hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/$kind.json" \
    -n "oasm, provenance" "$repo/oasm $work/$kind.oasm" \
    -n "oasm --no-provenance" "$repo/oasm --no-provenance $work/$kind.oasm" \
    -n "bash" "bash $work/$kind.oasm"
  python3 - "$work/$kind.json" "$kind" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
with_, without, bash = (r[k]["median"] for k in ("oasm, provenance", "oasm --no-provenance", "bash"))
print(f"{sys.argv[2]}: median with {with_*1000:.0f} ms, without {without*1000:.0f} ms, bash {bash*1000:.0f} ms; "
      f"overhead {(with_-without)/without*100:.1f} % = {(with_-without)*1e6/1000:.0f} us per command")
PY
done
