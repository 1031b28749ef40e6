#!/usr/bin/env bash
# Builds qrcode.wasm from qrcode.c and wit/qrcode.wit. Runs from any directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../build-common.sh
source "$HERE/../build-common.sh"
check_tools
WASM_LD="$(command -v wasm-ld-19 || command -v wasm-ld)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The flags of build_component (build-common.sh), but compiled and linked in separate steps, so that
# clang's driver does not run binaryen's wasm-opt on the module (it does whenever wasm-opt is on the
# PATH). wasm-opt would inline the single-caller helpers back into the exports, making functions of
# several thousand instructions, and a JVM JIT leaves those alone: Chicory compiles each Wasm function
# to one JVM method, and HotSpot does not compile methods over 8000 bytes of bytecode. Skipping it also
# makes the output independent of whether binaryen is installed. wasm-ld keeps the name section.
CFLAGS=(--target=wasm32 -mcpu=mvp -nostdlib -fno-builtin -O2 -Wall -Wextra -Werror -I "$HERE/../common")
"$CLANG" "${CFLAGS[@]}" -c -o "$tmp/qrcode.o" "$HERE/qrcode.c"
"$CLANG" "${CFLAGS[@]}" -c -o "$tmp/mem.o" "$HERE/../common/mem.c"
# The memory is exported under wit-component's current name, matching the "cm32p2|..." functions.
"$WASM_LD" --no-entry --export-memory=cm32p2_memory -o "$tmp/core.wasm" "$tmp/qrcode.o" "$tmp/mem.o"
"$JCO" embed --wit "$HERE/wit" --world-name qrcode "$tmp/core.wasm" -o "$tmp/embed.wasm"
"$JCO" new "$tmp/embed.wasm" -o "$HERE/qrcode.wasm"
echo "built $HERE/qrcode.wasm"
