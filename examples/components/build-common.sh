# Shared by the components' build.sh scripts (sourced, not run). Builds a freestanding C guest into a
# component: clang -> core module -> jco embed (adds the WIT) -> jco new (wraps it as a component).
# shellcheck shell=bash

COMPONENTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JCO="$COMPONENTS_DIR/node_modules/.bin/jco"
CLANG="${CLANG:-clang-19}"

check_tools() {
  local missing=0
  if ! command -v "$CLANG" >/dev/null 2>&1; then
    echo "error: $CLANG not found. Install it with:" >&2
    echo "  apt-get install -y clang-19 lld-19" >&2
    missing=1
  elif ! command -v wasm-ld-19 >/dev/null 2>&1 && ! command -v wasm-ld >/dev/null 2>&1; then
    echo "error: wasm-ld not found. Install it with:" >&2
    echo "  apt-get install -y lld-19" >&2
    missing=1
  fi
  if ! command -v node >/dev/null 2>&1; then
    echo "error: node not found. Install Node.js 18+ (e.g. apt-get install -y nodejs npm)." >&2
    missing=1
  elif [ ! -x "$JCO" ]; then
    echo "error: jco not found at $JCO. Install it with:" >&2
    echo "  (cd '$COMPONENTS_DIR' && npm install)" >&2
    missing=1
  fi
  [ "$missing" -eq 0 ] || exit 1
}

# build_component OUT_WASM WIT_DIR WORLD C_SOURCE...
build_component() {
  local out="$1" wit="$2" world="$3"
  shift 3
  check_tools
  local tmp
  tmp="$(mktemp -d)"
  # shellcheck disable=SC2064  # expand $tmp now: it is local
  trap "rm -rf '$tmp'" EXIT
  # -mcpu=mvp: plain Wasm 1.0 instructions only, so any core runtime can run the result.
  # -fno-builtin: keep clang from turning the byte loops into calls to a memcpy we do not have.
  "$CLANG" --target=wasm32 -mcpu=mvp -nostdlib -fno-builtin -O2 -Wall -Wextra -Werror \
    -Wl,--no-entry -o "$tmp/core.wasm" "$@"
  "$JCO" embed --wit "$wit" --world-name "$world" "$tmp/core.wasm" -o "$tmp/embed.wasm"
  "$JCO" new "$tmp/embed.wasm" -o "$out"
  echo "built $out"
}
