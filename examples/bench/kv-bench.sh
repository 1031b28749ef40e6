#!/usr/bin/env bash
# kv-bench.sh - built-in KV nodes on Redis over HTTP, beside the Java Vert.x peer's Redis-only case.
#
#   weft  GET /store/nohash?value=...  examples/flows/signup-nohash.yaml: kv.increment for the id, then three
#                               kv.set nodes in parallel that need it (four Redis calls)
#   peer  GET /store?value=...  ../shared/peers' BcryptRedisServer with COST=0 (no hashing): INCR,
#                               then SET, HSET, ZADD in parallel (four Redis calls)
#
# Both on one throw-away redis-server (no persistence) on 127.0.0.1, each server alone, same JDK
# (default Temurin 25), warm-up then a fixed-time wrk load. Every process it starts is stopped by
# PID. Needs wrk, redis-server and the peer's jar (built as serve-bench.sh does, or PEER_JAR=...).
# Knobs (env): DURATION=10 WARMUP=5 THREADS=2 CONNS=64 JAVA_HOME PEER_JAR PORT=18190
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNS=${CONNS:-64}
PORT=${PORT:-18190}
REDIS_PORT=$((PORT + 9))
PEER_JAR=${PEER_JAR:-}
if [ -z "$PEER_JAR" ] && [ -d "$ROOT/../shared/peers/java" ]; then
  PEER_BUILD=${TMPDIR:-/tmp}/weft-peers-java
  if [ ! -f "$PEER_BUILD/target/peers-java.jar" ]; then
    rm -rf "$PEER_BUILD" && cp -r "$ROOT/../shared/peers/java" "$PEER_BUILD"
    (cd "$PEER_BUILD" && mvn -B -q -DskipTests package) >&2 || echo "kv-bench: the peer did not build" >&2
  fi
  PEER_JAR=$PEER_BUILD/target/peers-java.jar
fi
CORES=$(nproc)

command -v wrk >/dev/null || { echo "kv-bench: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
command -v redis-server >/dev/null || { echo "kv-bench: needs redis-server (apt-get install -y redis-server)" >&2; exit 1; }
[ -x "$JAVA_HOME/bin/java" ] || { echo "kv-bench: no JDK at $JAVA_HOME" >&2; exit 1; }

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done; sleep 1; for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null; done; }
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_http() { # url
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1")" != 000 ] && return 0
    sleep 0.25
  done
  return 1
}

ROWS=()
load() { # label url
  wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" -s "$HERE/get.lua" "$2" >/dev/null 2>&1
  local out; out=$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s -s "$HERE/get.lua" "$2" 2>&1)
  ROWS+=("$1|$(sed -n 's/^WRKJSON //p' <<<"$out")")
}

stop() { kill -TERM "$1" 2>/dev/null; for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return; sleep 0.1; done; kill -KILL "$1" 2>/dev/null; }

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >/dev/null 2>&1 &
RPID=$!; PIDS+=("$RPID")
sleep 0.5
REDIS="redis://127.0.0.1:$REDIS_PORT"

# --- weft
"$ROOT/weft" --version >/dev/null 2>&1 # builds the jar when needed
"$ROOT/weft" serve "$ROOT/examples/flows/signup-nohash.yaml" --port "$PORT" --redis "$REDIS" >"$HERE/.weft-kv.log" 2>&1 &
WPID=$!; PIDS+=("$WPID")
wait_http "http://127.0.0.1:$PORT/health/live" || { echo "weft serve did not start:" >&2; cat "$HERE/.weft-kv.log" >&2; exit 1; }
curl -s "http://127.0.0.1:$PORT/store/nohash?value=check" | grep -q '"id"' || { echo "kv-bench: weft /store failed" >&2; exit 1; }
load "weft GET /store/nohash (4 built-in KV nodes, 3 in parallel)" "http://127.0.0.1:$PORT/store/nohash?value=ada"
stop "$WPID"
rm -f "$HERE/.weft-kv.log"

# --- the Java Vert.x peer, no hashing
if [ -f "$PEER_JAR" ]; then
  env PORT=$((PORT + 1)) INSTANCES="$CORES" COST=0 REDIS_URL="$REDIS" "$JAVA_HOME/bin/java" -cp "$PEER_JAR" peers.BcryptRedisServer >/dev/null 2>&1 &
  PPID_=$!; PIDS+=("$PPID_")
  wait_http "http://127.0.0.1:$((PORT + 1))/store?value=ping" || { echo "the peer did not start" >&2; exit 1; }
  load "peer Java Vert.x GET /store (COST=0: INCR, then SET/HSET/ZADD in parallel)" "http://127.0.0.1:$((PORT + 1))/store?value=ada"
  stop "$PPID_"
else
  echo "kv-bench: no peer jar at $PEER_JAR; measuring weft only" >&2
fi

echo "date: $(date -u +%FT%TZ); JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $CORES; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$THREADS -c$CONNS -d${DURATION}s after ${WARMUP}s warm-up, redis-server $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on loopback"
echo
echo "| server | req/s | p50 ms | p99 ms | non-2xx | req/s vs peer |"
echo "|---|---|---|---|---|---|"
peer_rps=
for r in "${ROWS[@]}"; do
  IFS='|' read -r label json <<<"$r"
  case "$label" in "peer Java"*) peer_rps=$(node -e 'const j=JSON.parse(process.argv[1]); console.log(j.requests/(j.duration_us/1e6))' "$json") ;; esac
done
for r in "${ROWS[@]}"; do
  IFS='|' read -r label json <<<"$r"
  node -e '
    const [label, json, peer] = process.argv.slice(1); const j = JSON.parse(json);
    const rps = j.requests / (j.duration_us / 1e6);
    const ratio = peer ? (rps / Number(peer)).toFixed(2) + "x" : "";
    console.log(`| ${label} | ${rps.toFixed(0)} | ${(j.p50_us/1000).toFixed(2)} | ${(j.p99_us/1000).toFixed(2)} | ${j.non2xx + j.errors} | ${ratio} |`);
  ' "$label" "$json" "${peer_rps:-}"
done
