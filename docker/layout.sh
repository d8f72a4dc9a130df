#!/bin/sh
# Writes the JVM argument file of the container's cockpit, HOME/java.args, for the jars in
# HOME/lib (the cockpit and its runtime dependencies, as `mvn dependency:copy-dependencies` puts
# them there): the launcher's flags and the class path, in a fixed order so that an ahead-of-time
# cache trained with it matches at every start. With --train it then trains that cache,
# HOME/oasm.aot, with the cockpit's training run (the classes a start-up loads, already linked);
# a JVM that cannot write one leaves no file and the cockpit starts without it.
# Usage: docker/layout.sh HOME [--train]
set -eu
home=$1
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
cp=$(ls "$home"/lib/*.jar | LC_ALL=C sort | tr '\n' ':')
{
  echo "-XX:+UseSerialGC"
  echo "-XX:TieredStopAtLevel=1"
  echo "--enable-native-access=ALL-UNNAMED"
  echo "--sun-misc-unsafe-memory-access=allow"
  echo "-Dpolyglot.engine.WarnInterpreterOnly=false"
  echo "-cp"
  echo "${cp%:}"
} > "$home/java.args"
if [ "${2:-}" = --train ]; then
  rm -f "$home/oasm.aot"
  if ! "$java" @"$home/java.args" -XX:AOTCacheOutput="$home/oasm.aot" -Xlog:aot*=off -Xlog:cds*=off \
      org.oasm.cockpit.Main --aot-training >/dev/null 2>&1 </dev/null; then
    rm -f "$home/oasm.aot"
    echo "layout.sh: this JVM could not train an ahead-of-time cache; the cockpit starts without one" >&2
  fi
fi
