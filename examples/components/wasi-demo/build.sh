#!/usr/bin/env bash
# Builds wasi-demo.wasm from wasi-demo.c and wit/wasi-demo.wit: a C program on wasi-libc, linked as
# a WASI reactor, then made a component with wit-component's WASI preview 1 reactor adapter (the one
# jco ships, `jco new --wasi-reactor`). Runs from any directory.
#
# Needs, besides the tools of ../README.md, wasi-libc and the wasm32 compiler-rt builtins:
#   apt-get install -y clang-19 lld-19 wasi-libc libclang-rt-19-dev-wasm32
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../build-common.sh
source "$HERE/../build-common.sh"
check_tools
WASM_LD="$(command -v wasm-ld-19 || command -v wasm-ld)"
SYSROOT_LIB="${WASI_SYSROOT_LIB:-/usr/lib/wasm32-wasi}"
BUILTINS="$("$CLANG" --target=wasm32-wasi -print-libgcc-file-name)"
for f in "$SYSROOT_LIB/crt1-reactor.o" "$SYSROOT_LIB/libc.a" "$BUILTINS"; do
  if [ ! -f "$f" ]; then
    echo "error: $f not found. Install wasi-libc and the wasm32 builtins with:" >&2
    echo "  apt-get install -y wasi-libc libclang-rt-19-dev-wasm32" >&2
    exit 1
  fi
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Compiled and linked in separate steps so that clang's driver does not run binaryen's wasm-opt (it
# does whenever wasm-opt is on the PATH): the output then does not depend on whether binaryen is
# installed. The link line is the one clang uses for `-mexec-model=reactor`: wasi-libc's reactor
# entry (_initialize runs the constructors; wit-component's fixup module calls it when the
# component is instantiated), libc, and compiler-rt. --strip-debug drops the DWARF sections that
# Debian's libc.a carries (190 KB); the name section stays, for readable traps.
"$CLANG" --target=wasm32-wasi -O2 -Wall -Wextra -Werror -c -o "$tmp/wasi-demo.o" "$HERE/wasi-demo.c"
"$WASM_LD" -m wasm32 -L"$SYSROOT_LIB" "$SYSROOT_LIB/crt1-reactor.o" --entry _initialize --strip-debug \
  "$tmp/wasi-demo.o" -lc "$BUILTINS" -o "$tmp/core.wasm"
# wasi-demo.embed.wasm: the core module with its WIT world embedded, importing wasi_snapshot_preview1
# itself (Weft loads it without the adapter); wasi-demo.wasm: the component, with the adapter.
"$JCO" embed --wit "$HERE/wit" --world-name wasi-demo "$tmp/core.wasm" -o "$HERE/wasi-demo.embed.wasm"
"$JCO" new "$HERE/wasi-demo.embed.wasm" --wasi-reactor -o "$HERE/wasi-demo.wasm"
echo "built $HERE/wasi-demo.wasm and $HERE/wasi-demo.embed.wasm"
