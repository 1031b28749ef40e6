#!/usr/bin/env bash
# Builds spin.wasm from spin.c and wit/spin.wit. Runs from any directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../build-common.sh
source "$HERE/../build-common.sh"
build_component "$HERE/spin.wasm" "$HERE/wit" spin "$HERE/spin.c"
