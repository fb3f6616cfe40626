#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang into build-fuzz/ and runs each for a set time.
# Exits non-zero when any target finds a crash, a leak, a sanitizer error or a slow input; the
# reproducer is left in build-fuzz/fuzz/artifacts/<target>/ (rerun: build-fuzz/fuzz/<target> FILE).
#
# Usage: scripts/fuzz.sh [seconds-per-target] [target...]     default: 60 s, every target
# Env:   FUZZ_JOBS=2     run that many targets at a time (default 1: the machine is shared)
#        FUZZ_BUILD_DIR  build dir (default build-fuzz)
#        FUZZ_ARGS       extra libFuzzer flags, e.g. "-max_len=100000"
# The corpus each run grows is kept in build-fuzz/fuzz/corpus-<target>/ and reused by the next run;
# the seeds in fuzz/corpus/<target>/ are only read.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(story html credits config changelog tokenize); fi
build=${FUZZ_BUILD_DIR:-build-fuzz}
jobs=${FUZZ_JOBS:-1}

cc=${FUZZ_CC:-$(command -v clang || command -v clang-14 || true)}
cxx=${FUZZ_CXX:-$(command -v clang++ || command -v clang++-14 || true)}
if [ -z "$cc" ] || [ -z "$cxx" ]; then
  echo "fuzz: clang not found (scripts/setup.sh installs clang and libclang-rt-14-dev)" >&2
  exit 2
fi
if [ ! -f "$build/build.ninja" ]; then
  CC=$cc CXX=$cxx cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWIREFEED_FUZZ=ON \
    -DWIREFEED_BUILD_TESTS=OFF -DWIREFEED_BUILD_BENCH=OFF >/dev/null
fi
if ! ninja -C "$build" -j "$(nproc 2>/dev/null || echo 2)" "${targets[@]/%/_fuzz}" >"$build/fuzz-build.log" 2>&1; then
  tail -40 "$build/fuzz-build.log" >&2
  echo "fuzz: build failed (log $build/fuzz-build.log)" >&2
  exit 2
fi

# A leak, an ASan/UBSan report or an uncaught exception ends the run with a reproducer.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

run_one() {
  local t=$1
  local bin="$build/fuzz/${t}_fuzz"
  local work="$build/fuzz/corpus-$t"
  local art="$build/fuzz/artifacts/$t/"
  local log="$build/fuzz/$t.log"
  mkdir -p "$work" "$art"
  local dict=()
  if [ -f "fuzz/$t.dict" ]; then dict=(-dict="fuzz/$t.dict"); fi
  # -timeout: an input taking 10 s is a hang (quadratic behaviour counts as a finding);
  # -rss_limit_mb: memory must stay bounded whatever the input.
  # shellcheck disable=SC2086
  if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      "${dict[@]}" ${FUZZ_ARGS:-} -artifact_prefix="$art" "$work" "fuzz/corpus/$t" >"$log" 2>&1; then
    local execs
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz: $t ok: ${seconds}s, $execs executions, corpus $(ls "$work" | wc -l) inputs"
  else
    echo "fuzz: $t FAILED (log $log, reproducer in $art):" >&2
    grep -E 'ERROR|SUMMARY|runtime error|==[0-9]+==|abort|Test unit written' "$log" | head -20 >&2
    return 1
  fi
}

status=0
pids=()
names=()
for t in "${targets[@]}"; do
  run_one "$t" &
  pids+=($!)
  names+=("$t")
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
