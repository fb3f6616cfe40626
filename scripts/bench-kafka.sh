#!/usr/bin/env bash
# End-to-end Kafka throughput baselines on a real local broker (instance "bench-<pid>"):
#   1. passthrough  - librdkafka C API consume -> produce copy (bench/tools/passthrough.cc), the
#                     ceiling for the daemon: idempotent, acks=all, async commit every 1000;
#   2. kcat | kcat  - the shell baseline, with the same producer guarantees.
# (The daemon is to be added here as a third contender.)
#
#   scripts/bench-kafka.sh [N]        N stories (default 100000), ~3 KB each
#
# Environment: WIREFEED_BENCH_PARTITIONS (default 3) partitions per topic; PASSTHROUGH=path to a built
# passthrough binary (else build-*/bench/passthrough, else compiled here with g++ into .cache/bench/).
# The corpus comes from tools/gen_corpus.py and is cached in .cache/bench/. The broker is always
# stopped on exit, also on failure or Ctrl-C.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-100000}"
PARTITIONS="${WIREFEED_BENCH_PARTITIONS:-3}"
BROKER="$ROOT/scripts/kafka-broker.sh"
CACHE="$ROOT/.cache/bench"
# Per-run instance name: a second run in the same work tree must not restart this one's broker.
INSTANCE="bench-$$"
mkdir -p "$CACHE"

trap '"$BROKER" stop "$INSTANCE" >/dev/null 2>&1 || true' EXIT
trap 'exit 130' INT TERM

now_ns() { date +%s%N; }
rate() { python3 -c "import sys; n,ns=int(sys.argv[1]),int(sys.argv[2]); print(f'{n/(ns/1e9):.0f}')" "$1" "$2"; }

# Counts records in a topic by reading it to the end (no group, nothing committed).
count_topic() { kcat -C -b "$BS" -t "$1" -o beginning -e -q -f 'x\n' 2>/dev/null | wc -l; }

# --- passthrough binary ---------------------------------------------------------------------------
PT="${PASSTHROUGH:-}"
if [[ -z "$PT" ]]; then
  for cand in "$ROOT"/build-kafka/bench/passthrough "$ROOT"/build/bench/passthrough \
              "$ROOT"/build-*/bench/passthrough; do
    if [[ -x "$cand" ]]; then PT="$cand"; break; fi
  done
fi
if [[ -z "$PT" ]]; then
  PT="$CACHE/passthrough"
  if [[ ! -x "$PT" || "$ROOT/bench/tools/passthrough.cc" -nt "$PT" ]]; then
    echo "bench-kafka: compiling passthrough into $PT" >&2
    g++ -std=c++20 -O2 -Wall -Wextra "$ROOT/bench/tools/passthrough.cc" -lrdkafka -pthread -o "$PT"
  fi
fi

# --- corpus ---------------------------------------------------------------------------------------
CORPUS="$CACHE/corpus-$N.jsonl"
if [[ ! -s "$CORPUS" ]]; then
  echo "bench-kafka: generating $N stories into $CORPUS" >&2
  python3 "$ROOT/tools/gen_corpus.py" "$N" -o "$CORPUS.tmp"
  mv "$CORPUS.tmp" "$CORPUS"
fi
LINES=$(wc -l <"$CORPUS")
BYTES=$(wc -c <"$CORPUS")
echo "bench-kafka: corpus $LINES stories, mean $((BYTES / LINES)) bytes" >&2

# --- broker ---------------------------------------------------------------------------------------
t0=$(now_ns)
BS="$(WIREFEED_KAFKA_PARTITIONS="$PARTITIONS" WIREFEED_KAFKA_HEAP=1g "$BROKER" start "$INSTANCE")"
echo "bench-kafka: broker $BS up in $(( ($(now_ns) - t0) / 1000000 )) ms" >&2

# Producer settings shared by the loader and the kcat pipe: same guarantees as the daemon.
KCAT_PRODUCER=(-X enable.idempotence=true -X acks=all -X linger.ms=5 -X batch.size=1000000
               -X queue.buffering.max.messages=1000000 -X queue.buffering.max.kbytes=2097151)
KCAT_CONSUMER=(-X queued.max.messages.kbytes=1048576 -X fetch.wait.max.ms=10)

t0=$(now_ns)
kcat -P -b "$BS" -t bench.in "${KCAT_PRODUCER[@]}" <"$CORPUS"
load_ns=$(( $(now_ns) - t0 ))
in_count=$(count_topic bench.in)
[[ "$in_count" -eq "$LINES" ]] || { echo "bench-kafka: loaded $in_count of $LINES" >&2; exit 1; }
echo "bench-kafka: loaded $LINES stories at $(rate "$LINES" "$load_ns")/s (kcat -P)" >&2

# --- 1. passthrough -------------------------------------------------------------------------------
pt_out="$("$PT" --brokers "$BS" --input bench.in --output bench.out.passthrough --count "$LINES" \
            --group bench-passthrough --timeout-s 600)"
echo "$pt_out"
pt_count=$(count_topic bench.out.passthrough)
[[ "$pt_count" -eq "$LINES" ]] || { echo "bench-kafka: passthrough copied $pt_count of $LINES" >&2; exit 1; }
pt_rate=$(sed -n 's/.* stories_per_s=\([0-9]*\).*/\1/p' <<<"$pt_out")

# --- 2. kcat | kcat -------------------------------------------------------------------------------
t0=$(now_ns)
kcat -C -b "$BS" -t bench.in -o beginning -e -q "${KCAT_CONSUMER[@]}" |
  kcat -P -b "$BS" -t bench.out.kcat "${KCAT_PRODUCER[@]}"
kcat_ns=$(( $(now_ns) - t0 ))
kcat_count=$(count_topic bench.out.kcat)
[[ "$kcat_count" -eq "$LINES" ]] || { echo "bench-kafka: kcat pipe copied $kcat_count of $LINES" >&2; exit 1; }
kcat_rate=$(rate "$LINES" "$kcat_ns")
echo "kcat_pipe count=$LINES total_s=$(python3 -c "print(f'{$kcat_ns/1e9:.3f}')") stories_per_s=$kcat_rate"

echo
printf '%-28s %12s\n' "contender (N=$LINES)" "stories/s"
printf '%-28s %12s\n' "passthrough (librdkafka C)" "$pt_rate"
printf '%-28s %12s\n' "kcat | kcat" "$kcat_rate"
