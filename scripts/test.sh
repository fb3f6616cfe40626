#!/usr/bin/env bash
# Installs the dependencies (Debian packages and the Kafka broker jars), builds, and runs the whole
# test suite: unit tests and the integration tests against a real single-node Kafka broker, with
# Debian's librdkafka and again with a current one (scripts/librdkafka-current.sh).
# Usage: scripts/test.sh [ctest args...]   e.g. scripts/test.sh -L unit
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/kafka-broker.sh fetch
scripts/librdkafka-current.sh fetch  # the integration suite runs on it too (tests/integration)
scripts/lint.sh
scripts/build.sh
jobs=$(nproc 2>/dev/null || echo 2)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
ctest --test-dir build --output-on-failure -j "$jobs" "$@" | tee -a "$log"
FUZZ_JOBS=2 scripts/fuzz.sh 20                 # a short pass of every fuzzer
scripts/test-sanitizers.sh "$@" | tee -a "$log"  # the whole suite again under ASan/UBSan

# One closing line over both suites: "N passed, N failed".
total=$(grep -Eo 'tests failed out of [0-9]+' "$log" | awk '{s += $5} END {print s + 0}')
failed=$(grep -Eo '[0-9]+ tests failed out of' "$log" | awk '{s += $1} END {print s + 0}')
echo "wirefeed: $((total - failed)) passed, $failed failed"
