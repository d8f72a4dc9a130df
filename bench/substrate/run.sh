#!/usr/bin/env bash
# Substrate and start-up benchmarks (docs/BENCHMARKS.md, "Substrate and start-up"), each against
# its reference in the same run, with hyperfine:
#   start-up      ./oasm -c true  vs  bash -c true  and a JVM hello world with the launcher's flags
#   first prompt  ./oasm on a pseudo-terminal until "oasm>" shows (prompt_time.py)  vs  bash -i
#   first help    ./oasm help
#   1,000 lines   ./oasm FILE  vs  bash FILE, FILE holding 1,000 external commands
#   pipe          ./oasm -c 'cat 1GiB | wc -c'  vs  bash -c 'cat 1GiB | wc -c'
# Recording is on, as it is by default; --no-provenance runs are shown beside for comparison.
# Usage: bench/substrate/run.sh [RUNS] [WORK_DIR]   (about 1 GiB of scratch space in WORK_DIR)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="${1:-20}"
work="${2:-$(mktemp -d)}"
java_home="${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
root="$work/root"
oasm="$repo/oasm"
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }

"$oasm" --root "$root" -c true  # builds and trains the start-up cache if needed

mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hi"); } }
JAVA
"$java_home/bin/javac" -d "$work/hello" "$work/hello/Hello.java"
hello="$java_home/bin/java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp $work/hello Hello"

hf() { local name=$1; shift; hyperfine -N --style basic --export-json "$work/$name.json" "$@" >"$work/$name.txt" 2>&1; }

hf startup -w 5 -r "$runs" "bash -c true" "$hello" "$oasm --root $root -c true" "$oasm --root $root --no-provenance -c true"
hf help -w 3 -r "$runs" "$oasm --root $root help" "$oasm --root $root --no-provenance help"

python3 "$here/prompt_time.py" "$runs" 'oasm>' "$oasm" --root "$root" >"$work/prompt-oasm.txt"
python3 "$here/prompt_time.py" "$runs" 'bench$ ' env PS1='bench$ ' bash --norc --noprofile -i >"$work/prompt-bash.txt"

for i in $(seq 1 1000); do
  case $((i % 4)) in
    0) echo "/bin/true" ;;
    1) echo "cat /dev/null" ;;
    2) echo "/bin/echo line $i > /dev/null" ;;
    3) echo "wc -c /dev/null > /dev/null" ;;
  esac
done >"$work/thousand.oasm"
hf thousand -w 1 -r "$(( runs < 10 ? runs : 10 ))" "bash $work/thousand.oasm" "$oasm --root $root $work/thousand.oasm" \
  "$oasm --root $root --no-provenance $work/thousand.oasm"

[ -f "$work/big.bin" ] || head -c 1073741824 /dev/zero >"$work/big.bin"
cat "$work/big.bin" >/dev/null
hf pipe -w 1 -r "$(( runs < 10 ? runs : 10 ))" "bash -c 'cat $work/big.bin | wc -c'" "$oasm --root $root -c 'cat $work/big.bin | wc -c'"

python3 - "$work" <<'PY'
import json, statistics, sys
work = sys.argv[1]
def medians(name):
    runs = json.load(open(f"{work}/{name}.json"))["results"]
    return [statistics.median(r["times"]) for r in runs]
def prompt(name):
    return float(open(f"{work}/prompt-{name}.txt").read().split("median")[1])
b, hello, o, onp = medians("startup")
h, hnp = medians("help")
po, pb = prompt("oasm"), prompt("bash")
tb, to, tonp = medians("thousand")
pbash, poasm = medians("pipe")
gib = 1024 ** 3
print("| measurement | oasm (recording on) | reference | ratio | goal |")
print("| --- | --- | --- | --- | --- |")
print(f"| `-c true` | {o*1000:.0f} ms ({onp*1000:.0f} ms with --no-provenance) | bash {b*1000:.1f} ms; JVM hello world {hello*1000:.0f} ms | {o/hello:.1f}x the JVM floor | <= 250 ms |")
print(f"| first interactive prompt | {po*1000:.0f} ms | bash -i {pb*1000:.0f} ms | | <= 300 ms |")
print(f"| first `oasm help` | {h*1000:.0f} ms ({hnp*1000:.0f} ms with --no-provenance) | | | <= 600 ms |")
print(f"| 1,000 external commands in one file | {to:.2f} s ({tonp:.2f} s with --no-provenance) | bash {tb:.2f} s | {to/tb:.2f}x bash | <= 2x |")
print(f"| `cat` 1 GiB `\\| wc -c` | {poasm:.2f} s, {gib/poasm/1e9:.2f} GB/s | bash {pbash:.2f} s, {gib/pbash/1e9:.2f} GB/s | {pbash/poasm:.2f}x bash's throughput ({pbash/(poasm-o):.2f}x without the start-up) | >= 0.9x |")
PY
echo "raw hyperfine output and JSON: $work"
