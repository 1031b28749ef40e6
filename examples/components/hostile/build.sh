#!/usr/bin/env bash
# Builds hostile.wasm from hostile.c and wit/hostile.wit. Runs from any directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../build-common.sh
source "$HERE/../build-common.sh"
build_component "$HERE/hostile.wasm" "$HERE/wit" hostile \
  -I "$HERE/../common" "$HERE/hostile.c" "$HERE/../common/mem.c"
