#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them on the newest JDK found (as ./weft does), or on
# JAVA_HOME when set. Extra arguments go to JMH, e.g. `examples/bench/jmh.sh EngineOverhead -f 1`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/examples/target/weft-bench.jar"
echo "building benchmarks..." >&2
(cd "$root" && mvn -q -B -DskipTests -pl examples -am package) >&2
java=""
if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
else
  best=0
  for home in /usr/lib/jvm/*/; do
    [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
    v="$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$home/release")"
    if [ -n "$v" ] && [ "$v" -gt "$best" ]; then best="$v"; java="$home/bin/java"; fi
  done
  [ -n "$java" ] || java="$(command -v java)"
fi
echo "JDK: $("$java" -version 2>&1 | head -n 1); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%F)" >&2
cd "$root"
exec "$java" -Dweft.root="$root" -jar "$jar" "$@"
