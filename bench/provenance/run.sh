#!/usr/bin/env bash
# Runs the provenance benchmark: builds the classpath of asm-formats with Maven's dependency
# plugin, then runs ProvenanceBench.java with the JDK 25 (source launcher). Needs a prior
# `mvn -B -q -pl asm-formats verify` (for target/classes). Uses about 1 GB under WORK_DIR.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${1:-$(mktemp -d)}"
java="${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
cp_file="$(mktemp)"
(cd "$repo" && mvn -B -q -pl asm-formats dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
"$java" -Xmx1g -cp "$repo/asm-formats/target/classes:$(cat "$cp_file")" "$here/ProvenanceBench.java" "$work"
rm -f "$cp_file"
echo "work folder: $work (remove it when done)"
