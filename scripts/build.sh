#!/usr/bin/env bash
# Configures and builds wirefeed into build/ (the binary lands at build/wirefeed).
# Usage: scripts/build.sh [extra cmake args...]; WIREFEED_TARGET=wirefeed builds only the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build -j "$jobs" ${WIREFEED_TARGET:+--target "$WIREFEED_TARGET"}
