#!/usr/bin/env bash
# Builds greet.wasm from greet.c and wit/greet.wit. Runs from any directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../build-common.sh
source "$HERE/../build-common.sh"
build_component "$HERE/greet.wasm" "$HERE/wit" greet "$HERE/greet.c"
