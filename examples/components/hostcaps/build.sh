#!/usr/bin/env bash
# Builds hostcaps.wasm from hostcaps.c, wit/hostcaps.wit and the engine's weft:host WIT (copied into
# out/wit/deps, so the package has one source). Runs from any directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/../build-common.sh
source "$HERE/../build-common.sh"
rm -rf "$HERE/out/wit"
mkdir -p "$HERE/out/wit/deps/weft-host"
cp "$HERE/wit/hostcaps.wit" "$HERE/out/wit/"
cp "$HERE/../../../flows/src/main/resources/wit/weft-host/host.wit" "$HERE/out/wit/deps/weft-host/"
build_component "$HERE/hostcaps.wasm" "$HERE/out/wit" hostcaps "$HERE/hostcaps.c"
rm -rf "$HERE/out"
