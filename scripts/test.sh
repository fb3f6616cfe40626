#!/usr/bin/env bash
# Installs the dependencies (Debian packages and the Kafka broker jars), builds, and runs the whole
# test suite: unit tests and the integration tests against a real single-node Kafka broker.
# Usage: scripts/test.sh [ctest args...]   e.g. scripts/test.sh -L unit
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/kafka-broker.sh fetch
scripts/lint.sh
scripts/build.sh
jobs=$(nproc 2>/dev/null || echo 2)
ctest --test-dir build --output-on-failure -j "$jobs" "$@"
scripts/test-sanitizers.sh "$@" && FUZZ_JOBS=2 scripts/fuzz.sh 20  # ASan/UBSan suite, short fuzz pass
