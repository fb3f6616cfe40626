#!/usr/bin/env bash
# Installs the dependencies, builds, and runs the daemon on its embedded Kafka with the sample
# stories: throughput log lines, then a few enriched records.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
WIREFEED_TARGET=wirefeed scripts/build.sh  # the binary only: the demo needs no tests
exec build/wirefeed demo "$@"
