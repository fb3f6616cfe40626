#!/usr/bin/env bash
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer into build-asan/ and runs the
# whole ctest suite there: unit tests and the integration tests (their broker fixture and the
# wirefeed binary both come from build-asan). Any sanitizer report fails the run.
# Usage: scripts/test-sanitizers.sh [ctest args...]     e.g. scripts/test-sanitizers.sh -L unit
# Env:   ASAN_BUILD_DIR (default build-asan), ASAN_BUILD_TYPE (default Debug)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${ASAN_BUILD_DIR:-build-asan}
jobs=$(nproc 2>/dev/null || echo 2)
start=$(date +%s)

# Benchmarks add build time and are not run by ctest. The integration suite's second run on a
# current librdkafka (scripts/librdkafka-current.sh) is left to the normal build.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${ASAN_BUILD_TYPE:-Debug}" -DWIREFEED_SANITIZE=ON \
  -DWIREFEED_BUILD_BENCH=OFF -DWIREFEED_CURRENT_LIBRDKAFKA_TESTS=OFF >/dev/null
cmake --build "$build" -j "$jobs"
built=$(date +%s)

# halt_on_error/abort_on_error: the first report ends the test with a non-zero status, also inside
# the daemon the integration tests start. detect_leaks: at exit, suppressions only for
# librdkafka's own internals (scripts/lsan.supp), never for our code.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_init_order=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# The crash tests prove their 100k-story figures in the normal suite; under the sanitizers (several
# times slower) a fifth of that exercises the same paths.
export WIREFEED_CRASH_STORIES="${WIREFEED_CRASH_STORIES:-20000}"
status=0
ctest --test-dir "$build" --output-on-failure -j "$jobs" "$@" || status=$?
end=$(date +%s)
echo "test-sanitizers: build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s"
exit $status
