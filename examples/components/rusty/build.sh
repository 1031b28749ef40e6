#!/usr/bin/env bash
# Builds rusty.wasm from lib.rs (Rust, no_std, no crates) and wit/rusty.wit. Runs from any directory.
#   rustc (wasm32-unknown-unknown) -> core module -> jco embed (adds the WIT) -> jco new (component)
# Tools: RUSTC (default: the first of `rustc` on the PATH and /usr/bin/rustc that has the
# wasm32-unknown-unknown standard library) and WASM_LD (default: wasm-ld-14, else wasm-ld).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COMPONENTS_DIR="$(cd "$HERE/.." && pwd)"
JCO="$COMPONENTS_DIR/node_modules/.bin/jco"

has_wasm32_std() {
  command -v "$1" >/dev/null 2>&1 &&
    [ -d "$("$1" --print sysroot 2>/dev/null)/lib/rustlib/wasm32-unknown-unknown" ]
}

missing=0
RUSTC_BIN=""
for candidate in ${RUSTC:-rustc /usr/bin/rustc}; do
  if has_wasm32_std "$candidate"; then RUSTC_BIN="$candidate"; break; fi
done
if [ -z "$RUSTC_BIN" ]; then
  echo "error: no rustc with the wasm32-unknown-unknown standard library found. Install it with:" >&2
  echo "  apt-get install -y rustc libstd-rust-dev-wasm32 lld-14" >&2
  echo "  (or: rustup target add wasm32-unknown-unknown, and set RUSTC if needed)" >&2
  missing=1
fi
WASM_LD_BIN="${WASM_LD:-}"
if [ -z "$WASM_LD_BIN" ]; then
  for candidate in wasm-ld-14 wasm-ld; do
    if command -v "$candidate" >/dev/null 2>&1; then WASM_LD_BIN="$candidate"; break; fi
  done
fi
if [ -z "$WASM_LD_BIN" ] || ! command -v "$WASM_LD_BIN" >/dev/null 2>&1; then
  echo "error: wasm-ld not found. Install it with:" >&2
  echo "  apt-get install -y lld-14" >&2
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

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# -C target-cpu=mvp: plain Wasm 1.0 instructions only (no sign-extension, bulk memory or SIMD).
# -C panic=abort: a panic is an `unreachable` trap (see the #[panic_handler] in lib.rs).
# -C strip=debuginfo: no DWARF sections (the name section stays, for readable traps).
# --remap-path-prefix: no build directory in panic-location strings, so the output does not
#   depend on where the checkout is.
"$RUSTC_BIN" --edition 2021 --target wasm32-unknown-unknown --crate-type cdylib --crate-name rusty \
  -C opt-level=2 -C panic=abort -C target-cpu=mvp -C strip=debuginfo -C linker="$WASM_LD_BIN" \
  --remap-path-prefix "$HERE=rusty" \
  "$HERE/lib.rs" -o "$tmp/core.wasm"
"$JCO" embed --wit "$HERE/wit" --world-name rusty "$tmp/core.wasm" -o "$tmp/embed.wasm"
"$JCO" new "$tmp/embed.wasm" -o "$HERE/rusty.wasm"
echo "built $HERE/rusty.wasm ($("$RUSTC_BIN" --version), $WASM_LD_BIN)"
