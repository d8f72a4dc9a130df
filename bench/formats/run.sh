#!/usr/bin/env bash
# Format conversion benchmarks (docs/BENCHMARKS.md, section Formats), each against its reference
# in the same run: JSON -> CBOR -> JSON against `jq -c .` (and Jackson's bare streaming copy, the
# floor for a conversion built on it), cold and through a resident cockpit, YAML -> JSON against `yq`, peak memory
# for a 1 GB JSON input under a 96 MB heap, and a 1 GB HDF5 dataset to CBOR.
# Usage: bench/formats/run.sh [WORK_DIR]   (needs hyperfine, jq, yq, /usr/bin/time, h5py; ~4 GB of scratch)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/oasm-bench-formats}
mkdir -p "$work"
py=/usr/bin/python3
"$here/oasm" -c true >/dev/null   # build the cockpit if needed
jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && jdk=/usr/lib/jvm/temurin-25-jdk-amd64
cp="$here/cockpit/target/cockpit-0.1.0-SNAPSHOT.jar:$(cat "$here/cockpit/target/classpath.txt")"
oasm_heap() { local heap=$1; shift; "$jdk/bin/java" -Xmx"$heap" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED \
  -cp "$cp" org.oasm.cockpit.Main --root "$work/root" "$@"; }

[ -f "$work/200.json" ] || $py "$here/bench/formats/make_data.py" json 200 "$work/200.json"
[ -f "$work/50.yaml" ] || $py "$here/bench/formats/make_data.py" yaml 50 "$work/50.yaml"
[ -f "$work/1000.json" ] || $py "$here/bench/formats/make_data.py" json 1000 "$work/1000.json"
[ -f "$work/1000.h5" ] || $py "$here/bench/formats/make_data.py" hdf5 1000 "$work/1000.h5"
ls -l "$work"/200.json "$work"/50.yaml "$work"/1000.json "$work"/1000.h5

export OASM_ROOT="$work/root"
# Cold conversions: a JVM of their own each, whether or not a resident cockpit runs (part below).
export OASM_RESIDENT=0
# The launcher trains the convert cache in the background the first time a large conversion
# needs it: trained here, before any timing, so that no run overlaps the training.
"$here/oasm" convert "$work/50.yaml" --to json -o "$work/out-yaml.json"
for _ in $(seq 300); do [ -f "$here/cockpit/target/oasm-convert.aot" ] && break; sleep 1; done
"$here/oasm" convert "$work/200.json" --to cbor -o "$work/200.cbor"
# The floor for a conversion built on Jackson: its own token-by-token copy, without our rules.
jackson=$(tr ':' '\n' < "$here/cockpit/target/classpath.txt" | grep -E '/jackson-(core|dataformat-cbor)-' | paste -sd:)
mkdir -p "$work/floor"
"$jdk/bin/javac" -d "$work/floor" -cp "$jackson" "$here/bench/formats/JacksonCopy.java"
copy="$jdk/bin/java -XX:+UseSerialGC -cp $jackson:$work/floor JacksonCopy"
echo "== 200 MB JSON -> CBOR, CBOR -> JSON, Jackson's bare copy, and jq -c . on the same JSON"
hyperfine --warmup 1 --runs 3 --export-json "$work/json-cbor.json" \
  -n 'oasm json->cbor' "$here/oasm convert $work/200.json --to cbor -o $work/out.cbor" \
  -n 'oasm cbor->json' "$here/oasm convert $work/200.cbor --to json -o $work/out.json" \
  -n 'Jackson copy json->cbor' "$copy json2cbor $work/200.json $work/floor.cbor" \
  -n 'Jackson copy cbor->json' "$copy cbor2json $work/200.cbor $work/floor.json" \
  -n 'jq -c .' "jq -c . $work/200.json > $work/jq.json"

echo "== the same JSON <-> CBOR through a resident cockpit (oasm resident start; its own run folder), and jq again"
export OASM_RESIDENT=1 OASM_RESIDENT_DIR="$work/resident"
"$here/oasm" resident start
: > "$work/resident-first.txt"
for _ in 1 2 3; do
  /usr/bin/time -f %e -a -o "$work/resident-first.txt" "$here/oasm" convert "$work/200.json" --to cbor -o "$work/out.cbor"
  /usr/bin/time -f %e -a -o "$work/resident-first.txt" "$here/oasm" convert "$work/200.cbor" --to json -o "$work/out.json"
done
echo "first conversions after the start, alternating (s): $(tr '\n' ' ' < "$work/resident-first.txt")"
hyperfine --warmup 2 --runs 5 --export-json "$work/json-cbor-resident.json" \
  -n 'oasm json->cbor (resident)' "$here/oasm convert $work/200.json --to cbor -o $work/out.cbor" \
  -n 'oasm cbor->json (resident)' "$here/oasm convert $work/200.cbor --to json -o $work/out.json" \
  -n 'jq -c .' "jq -c . $work/200.json > $work/jq.json"
grep -E "^ *served" "$work/resident/status"
"$here/oasm" resident stop
export OASM_RESIDENT=0
unset OASM_RESIDENT_DIR

echo "== 50 MB YAML -> JSON against yq ($(yq --version 2>&1 | head -1))"
hyperfine --runs 3 --export-json "$work/yaml-json.json" \
  -n 'oasm yaml->json' "$here/oasm convert $work/50.yaml --to json -o $work/out-yaml.json" \
  -n 'yq .' "yq . $work/50.yaml > $work/yq.json"

echo "== peak memory, 1 GB JSON -> CBOR -> JSON with -Xmx96m"
/usr/bin/time -v bash -c "$(declare -f oasm_heap); jdk=$jdk cp='$cp' work=$work; oasm_heap 96m convert $work/1000.json --to cbor -o $work/1000.cbor" 2>&1 | grep -E "Elapsed|Maximum resident"
/usr/bin/time -v bash -c "$(declare -f oasm_heap); jdk=$jdk cp='$cp' work=$work; oasm_heap 96m convert $work/1000.cbor --to json -o $work/1000.back.json" 2>&1 | grep -E "Elapsed|Maximum resident"
echo "== jq -c . on the 200 MB JSON (memory reference; jq on 1 GB would need about 10 GB)"
/usr/bin/time -v bash -c "jq -c . $work/200.json > $work/jq.json" 2>&1 | grep -E "Elapsed|Maximum resident"

echo "== 1 GB HDF5 dataset -> CBOR"
/usr/bin/time -v bash -c "$(declare -f oasm_heap); jdk=$jdk cp='$cp' work=$work; oasm_heap 256m convert $work/1000.h5 --to cbor -o $work/1000.h5.cbor" 2>&1 | grep -E "Elapsed|Maximum resident"
ls -l "$work/1000.h5.cbor"
