#!/usr/bin/env bash
# Builds kitchen.wasm from kitchen.c and wit/kitchen.wit. Runs from any directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../build-common.sh
source "$HERE/../build-common.sh"
# The memory is exported under wit-component's current name, matching the "cm32p2|..." functions.
build_component "$HERE/kitchen.wasm" "$HERE/wit" kitchen \
  -I "$HERE/../common" -Wl,--export-memory=cm32p2_memory "$HERE/kitchen.c" "$HERE/../common/mem.c"
