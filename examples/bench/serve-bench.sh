#!/usr/bin/env bash
# serve-bench.sh - HTTP throughput, latency and memory of `weft serve`, beside the Java Vert.x peer.
#
#   weft  POST /flows/hello        the hello flow: JSON in, three Wasm calls (two in parallel), JSON out
#   weft  GET  /qrcode?text=hello  examples/flows/qrcode.yaml's declared route: two Wasm calls, a PNG out
#   weft  GET  /health/live        the same server's plain Vert.x Web path, no flow: Weft's HTTP floor
#   peer  GET  /qrcode?text=hello  ../shared/peers' Java Vert.x 5 + ZXing server (1-bit PNG, one verticle per core)
#
# Each server runs alone on 127.0.0.1 on the same JDK (default: the newest, Temurin 25), gets a warm-up
# and a fixed-time wrk load; RSS is sampled every 0.5 s. Prints a Markdown table with ratios to the peer.
# Every process it starts is stopped by PID (a trap does it on error or interrupt).
#
# Needs wrk (apt-get install -y wrk) and the peer's jar (cd ../shared/peers/java && mvn -B -q package,
# or PEER_JAR=...). Knobs (env): DURATION=10 WARMUP=5 THREADS=2 CONNS=64 JAVA_HOME PEER_JAR PORT=18180
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
THREADS=${THREADS:-2}
CONNS=${CONNS:-64}
PORT=${PORT:-18180}
PEER_JAR=${PEER_JAR:-}
if [ -z "$PEER_JAR" ] && [ -d "$ROOT/../shared/peers/java" ]; then
  # shared/ is read-only: build the peer in a scratch copy, once per machine.
  PEER_BUILD=${TMPDIR:-/tmp}/weft-peers-java
  if [ ! -f "$PEER_BUILD/target/peers-java.jar" ]; then
    rm -rf "$PEER_BUILD" && cp -r "$ROOT/../shared/peers/java" "$PEER_BUILD"
    (cd "$PEER_BUILD" && mvn -B -q -DskipTests package) >&2 || echo "serve-bench: the peer did not build" >&2
  fi
  PEER_JAR=$PEER_BUILD/target/peers-java.jar
fi
CORES=$(nproc)

command -v wrk >/dev/null || { echo "serve-bench: needs wrk (apt-get install -y wrk)" >&2; exit 1; }
[ -x "$JAVA_HOME/bin/java" ] || { echo "serve-bench: no JDK at $JAVA_HOME" >&2; exit 1; }

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

rss_kb() { # a process and its children (the Node peer runs one worker process per core)
  local total=0 p
  for p in "$1" $(pgrep -P "$1" 2>/dev/null); do
    total=$((total + $(awk '/VmRSS:/{print $2}' "/proc/$p/status" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# load label pid script url : warm-up, then a sampled run; appends one row to ROWS
ROWS=()
load() {
  local label=$1 pid=$2 script=$3 url=$4 peak=0 out wpid s
  wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" -s "$HERE/$script" "$url" >/dev/null 2>&1
  out=$(mktemp)
  wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s -s "$HERE/$script" "$url" >"$out" 2>&1 &
  wpid=$!
  while kill -0 "$wpid" 2>/dev/null; do
    s=$(rss_kb "$pid"); [ "${s:-0}" -gt "$peak" ] && peak=$s
    sleep 0.5
  done
  wait "$wpid"
  local json; json=$(sed -n 's/^WRKJSON //p' "$out"); rm -f "$out"
  ROWS+=("$label|$json|$peak")
}

stop() { kill -TERM "$1" 2>/dev/null; for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return; sleep 0.1; done; kill -KILL "$1" 2>/dev/null; }

# --- weft
"$ROOT/weft" --version >/dev/null 2>&1 # builds the jar when needed
"$ROOT/weft" serve "$ROOT/examples/flows/hello.yaml" "$ROOT/examples/flows/qrcode.yaml" --port "$PORT" >"$HERE/.weft-serve.log" 2>&1 &
WPID=$!; PIDS+=("$WPID")
wait_http "http://127.0.0.1:$PORT/health/live" || { echo "weft serve did not start:" >&2; cat "$HERE/.weft-serve.log" >&2; exit 1; }
IDLE_WEFT=$(rss_kb "$WPID")
load "weft POST /flows/hello" "$WPID" post.lua "http://127.0.0.1:$PORT/flows/hello"
load "weft GET /qrcode (declared route: QR encode + PNG render in Wasm)" "$WPID" get.lua "http://127.0.0.1:$PORT/qrcode?text=hello"
load "weft GET /health/live" "$WPID" get.lua "http://127.0.0.1:$PORT/health/live"
ERRS=$(curl -s "http://127.0.0.1:$PORT/metrics" | grep -c 'weft_run_errors_total{' || true)
stop "$WPID"
rm -f "$HERE/.weft-serve.log"

# --- the Java Vert.x peer
if [ -f "$PEER_JAR" ]; then
  env PORT=$((PORT + 1)) INSTANCES="$CORES" QR_PNG=binary "$JAVA_HOME/bin/java" -jar "$PEER_JAR" >/dev/null 2>&1 &
  PPID_=$!; PIDS+=("$PPID_")
  wait_http "http://127.0.0.1:$((PORT + 1))/qrcode?text=ping" || { echo "the peer did not start" >&2; exit 1; }
  load "peer Java Vert.x GET /qrcode (ZXing)" "$PPID_" get.lua "http://127.0.0.1:$((PORT + 1))/qrcode?text=hello"
  stop "$PPID_"
else
  echo "serve-bench: no peer jar at $PEER_JAR; measuring weft only" >&2
fi

# --- the Node express peer (cluster mode, one worker per core), from a scratch copy of shared/peers
NODE_DIR=${TMPDIR:-/tmp}/weft-peers-node
if [ -f "$ROOT/../shared/peers/node/qr-server.js" ] && command -v npm >/dev/null; then
  if [ ! -d "$NODE_DIR/node_modules/express" ]; then
    rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
    cp -r "$ROOT/../shared/peers/node" "$ROOT/../shared/peers/package.json" "$ROOT/../shared/peers/package-lock.json" "$NODE_DIR/"
    (cd "$NODE_DIR" && npm ci --omit=optional --no-audit --no-fund) >&2 || echo "serve-bench: npm ci failed" >&2
  fi
  env PORT=$((PORT + 2)) node "$NODE_DIR/node/qr-server.js" >/dev/null 2>&1 &
  NPID=$!; PIDS+=("$NPID")
  if wait_http "http://127.0.0.1:$((PORT + 2))/qrcode?text=ping"; then
    load "peer Node express GET /qrcode (npm qrcode)" "$NPID" get.lua "http://127.0.0.1:$((PORT + 2))/qrcode?text=hello"
  else
    echo "serve-bench: the Node peer did not start" >&2
  fi
  stop "$NPID"
fi

# --- table
echo "date: $(date -u +%FT%TZ); JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $CORES"
echo "wrk -t$THREADS -c$CONNS -d${DURATION}s after ${WARMUP}s warm-up; weft idle RSS $((IDLE_WEFT / 1024)) MB; weft run errors recorded: $ERRS"
echo
echo "| server | req/s | p50 ms | p99 ms | RSS peak MB | non-2xx | req/s vs peer |"
echo "|---|---|---|---|---|---|---|"
peer_rps=
for r in "${ROWS[@]}"; do
  IFS='|' read -r label json peak <<<"$r"
  rps=$(node -e 'const j=JSON.parse(process.argv[1]); console.log((j.requests/(j.duration_us/1e6)).toFixed(0))' "$json")
  case "$label" in "peer Java"*) peer_rps=$rps ;; esac
done
for r in "${ROWS[@]}"; do
  IFS='|' read -r label json peak <<<"$r"
  node -e '
    const [label, json, peak, peer] = process.argv.slice(1); const j = JSON.parse(json);
    const rps = j.requests / (j.duration_us / 1e6);
    const ratio = peer ? (rps / Number(peer)).toFixed(2) + "x" : "";
    console.log(`| ${label} | ${rps.toFixed(0)} | ${(j.p50_us/1000).toFixed(2)} | ${(j.p99_us/1000).toFixed(2)} | ${(peak/1024).toFixed(0)} | ${j.non2xx + j.errors} | ${ratio} |`);
  ' "$label" "$json" "$peak" "${peer_rps:-}"
done
