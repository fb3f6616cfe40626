#!/usr/bin/env bash
# Checks the promises of scripts/kafka-broker.sh that the C++ integration tests cannot see:
# offline reuse of the jar cache, two instances side by side, kcat produce/consume and a consumer group
# over TCP, and clean-up after an interrupted start (no pid file) or a crashed broker.
# Run by ctest as `kafka_broker_script` (label integration); its instances carry this shell's pid so
# two people running it in one work tree do not stop each other's brokers.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BROKER="$ROOT/scripts/kafka-broker.sh"
IA="selftest-a-$$"
IB="selftest-b-$$"
passed=0
failed=0

trap '"$BROKER" stop $IA >/dev/null 2>&1 || true; "$BROKER" stop $IB >/dev/null 2>&1 || true' EXIT

check() {  # check NAME COMMAND...
  local name="$1"
  shift
  if "$@"; then
    echo "ok   $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    failed=$((failed + 1))
  fi
}

pid_gone() {  # bounded wait for a process to disappear
  local i
  for ((i = 0; i < 100; i++)); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  return 1
}

"$BROKER" fetch >/dev/null
# A complete cache needs no Maven (and so no network): shadow mvn with one that fails, fetch again.
offline_fetch() {
  local fake
  fake="$(mktemp -d)"
  printf '#!/bin/sh\necho "mvn must not run" >&2\nexit 1\n' >"$fake/mvn"
  chmod +x "$fake/mvn"
  PATH="$fake:$PATH" "$BROKER" fetch >/dev/null
  local rc=$?
  rm -rf "$fake"
  return $rc
}
check "second fetch reuses the cache without mvn" offline_fetch

A="$("$BROKER" start $IA)"
B="$("$BROKER" start $IB)"
check "two instances get different addresses" test "$A" != "$B"
check "bootstrap file holds the printed address" test "$(cat "$ROOT/.kafka/$IA/bootstrap")" = "$A"
check "status reports a running instance" "$BROKER" status $IA

roundtrip() {
  seq 1 50 | sed 's/^/msg-/' | kcat -P -b "$A" -t selftest.roundtrip -X enable.idempotence=true
  test "$(kcat -C -b "$A" -t selftest.roundtrip -o beginning -e -q | wc -l)" -eq 50
}
check "kcat produce then consume 50 records" roundtrip
auto_partitions() {
  kcat -L -b "$A" -t selftest.roundtrip | grep -q 'with 3 partitions'
}
check "auto-created topics get the configured partitions" auto_partitions
group_reads() {
  test "$(timeout 60 kcat -b "$A" -G selftest-group -o beginning -e -q selftest.roundtrip | wc -l)" -eq 50
}
check "kcat consumer group reads every record" group_reads

# An interrupted start leaves a running JVM but no pid file: stop must still find and end it.
pid_a="$(cat "$ROOT/.kafka/$IA/pid")"
rm -f "$ROOT/.kafka/$IA/pid"
"$BROKER" stop $IA 2>/dev/null
check "stop without a pid file ends the broker" pid_gone "$pid_a"
check "stop removes the state dir" test ! -e "$ROOT/.kafka/$IA"
check "the other instance is untouched" "$BROKER" status $IB

# A crashed broker: status says so, stop still cleans up.
pid_b="$(cat "$ROOT/.kafka/$IB/pid")"
kill -KILL "$pid_b"
pid_gone "$pid_b"
not_running() { ! "$BROKER" status $IB >/dev/null; }
check "status reports a crashed broker as not running" not_running
"$BROKER" stop $IB 2>/dev/null
check "stop after a crash removes the state dir" test ! -e "$ROOT/.kafka/$IB"

echo "kafka-broker selftest: $passed passed, $failed failed"
test "$failed" -eq 0
