#!/usr/bin/env bash
# Builds primes.wasm from primes.c and wit/primes.wit. Runs from any directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../build-common.sh
source "$HERE/../build-common.sh"
check_tools
WASM_LD="$(command -v wasm-ld-19 || command -v wasm-ld)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# build_component's flags, compiled and linked in separate steps so that clang's driver does not run
# binaryen's wasm-opt (see qrcode/build.sh): the output does not depend on whether it is installed.
CFLAGS=(--target=wasm32 -mcpu=mvp -nostdlib -fno-builtin -O2 -Wall -Wextra -Werror -I "$HERE/../common")
"$CLANG" "${CFLAGS[@]}" -c -o "$tmp/primes.o" "$HERE/primes.c"
"$WASM_LD" --no-entry -o "$tmp/core.wasm" "$tmp/primes.o"
"$JCO" embed --wit "$HERE/wit" --world-name primes "$tmp/core.wasm" -o "$tmp/embed.wasm"
"$JCO" new "$tmp/embed.wasm" -o "$HERE/primes.wasm"
echo "built $HERE/primes.wasm"
