#!/usr/bin/env bash
# bcrypt-bench.sh - the warm time of one bcrypt hash: Weft's bcrypt component (compiled Wasm on
# Endive) on each JDK installed (17 and the newest), native bcrypt (npm `bcrypt`, the optimized
# Node peer's) and at.favre's Java bcrypt (the Java peer's). Each is a warm loop in one thread
# that reports the median wall time and the median CPU time per hash; on a shared machine compare
# CPU times. All hash the same password and salt, and print the hash (they agree).
#
# Knobs (env): COST=12 WARMUP=8 RUNS=8 PEERS_SRC=../shared/peers PEERS_DIR=$TMPDIR/weft-showcase-peers
# The peers' copy is the one showcase.sh uses; this installs its npm and Maven dependencies when missing.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
COST=${COST:-12}
WARMUP=${WARMUP:-8}
RUNS=${RUNS:-8}
PEERS_SRC=${PEERS_SRC:-$ROOT/../shared/peers}
PEERS_DIR=${PEERS_DIR:-${TMPDIR:-/tmp}/weft-showcase-peers}

echo "building the benchmarks..." >&2
(cd "$ROOT" && mvn -q -B -DskipTests -pl examples -am package) >&2

if [ ! -f "$PEERS_DIR/node_modules/bcrypt/package.json" ] || [ ! -f "$PEERS_DIR/java/target/peers-java.jar" ]; then
  mkdir -p "$PEERS_DIR"
  (cd "$PEERS_SRC" && tar cf - --exclude=node_modules --exclude=java/target --exclude=results .) \
    | (cd "$PEERS_DIR" && tar xf - && chmod -R u+w .)
  (cd "$PEERS_DIR" && npm ci --no-audit --no-fund --loglevel=error) >&2
  (cd "$PEERS_DIR/java" && mvn -B -q package) >&2
fi

jdks=()
for home in /usr/lib/jvm/*/; do
  [ -x "$home/bin/java" ] && [ -f "$home/release" ] || continue
  v=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$home/release")
  case " ${seen:-} " in *" $v "*) continue ;; esac
  seen="${seen:-} $v"
  jdks+=("$v:${home%/}")
done
newest=$(printf '%s\n' "${jdks[@]}" | sort -t: -k1,1n | tail -1 | cut -d: -f2)

echo "date: $(date -u +%F); machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# The flags ./weft passes: -XX:-DontCompileHugeMethods, and on JDK 23+ the one that lets Weft's memory
# use sun.misc.Unsafe without a warning (engine/.../wasm/DirectFlatMemory.java says why).
for j in $(printf '%s\n' "${jdks[@]}" | sort -t: -k1,1n); do
  flags=(-XX:-DontCompileHugeMethods)
  [ "${j%%:*}" -ge 23 ] && flags+=(--sun-misc-unsafe-memory-access=allow)
  "${j#*:}/bin/java" "${flags[@]}" -cp "$ROOT/examples/target/weft-bench.jar" \
    -Dweft.root="$ROOT" dev.weft.bench.BcryptTiming "$COST" "$WARMUP" "$RUNS"
done
"$newest/bin/java" -cp "$PEERS_DIR/java/target/peers-java.jar" "$HERE/BcryptFavreTiming.java" "$COST" "$WARMUP" "$RUNS"
node "$HERE/bcrypt-native.js" "$PEERS_DIR" "$COST" 2 "$RUNS"
