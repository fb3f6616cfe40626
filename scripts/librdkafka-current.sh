#!/usr/bin/env bash
# A current librdkafka beside Debian 12's 2.0.2, for running the integration tests on both.
#
# Debian 12 ships librdkafka 2.0.2 and wirefeed builds against it, but newer systems (Debian 13,
# Ubuntu 24.04, ...) run the same binary on a newer one, where the daemon takes other paths
# (fetch.queue.backoff.ms instead of its fetch waker) and meets other bugs (a
# send_offsets_to_transaction() that never returns after a broker restart, which the call watchdog
# bounds). librdkafka keeps its ABI within soname librdkafka.so.1, so the binaries built here load
# a newer copy through LD_LIBRARY_PATH. The copy comes from PyPI's confluent-kafka wheel, which
# bundles librdkafka (BSD-2-Clause); pinned by version and sha256, downloaded once into
# .cache/librdkafka-current/ and reused offline.
#
# Usage: scripts/librdkafka-current.sh fetch       download it (once)
#        scripts/librdkafka-current.sh run CMD...  run CMD with it in place of the system's
#        scripts/librdkafka-current.sh version     the pinned version
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WHEEL_VERSION=2.16.1  # bundles librdkafka 2.16.0
WHEEL_SHA256=24f613cc81a856b6fbb2d7d11044a9aa770044eecc1f83ff84618688b056be06
DIR="$ROOT/.cache/librdkafka-current/confluent-kafka-$WHEEL_VERSION"
LIB="$DIR/librdkafka.so.1"

fetch() {
  [ -f "$LIB" ] && return 0
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  echo "confluent-kafka==$WHEEL_VERSION --hash=sha256:$WHEEL_SHA256" >"$tmp/req.txt"
  if ! python3 -m pip download --quiet --no-deps --require-hashes -r "$tmp/req.txt" \
    --only-binary=:all: --platform manylinux_2_28_x86_64 --python-version 3.11 \
    --implementation cp --abi cp311 -d "$tmp" >"$tmp/pip.log" 2>&1; then
    cat "$tmp/pip.log" >&2
    echo "librdkafka-current: cannot download confluent-kafka $WHEEL_VERSION from PyPI" >&2
    return 1
  fi
  mkdir -p "$DIR"
  python3 - "$tmp"/confluent_kafka-*.whl "$LIB.part" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = [n for n in z.namelist() if n.startswith("confluent_kafka.libs/librdkafka")]
    if len(names) != 1:
        sys.exit(f"expected one bundled librdkafka in the wheel, found {names}")
    with z.open(names[0]) as src, open(sys.argv[2], "wb") as dst:
        dst.write(src.read())
PY
  mv "$LIB.part" "$LIB"
  echo "librdkafka-current: $LIB (from confluent-kafka $WHEEL_VERSION)"
}

case "${1:-}" in
  fetch) fetch ;;
  run)
    shift
    if [ ! -f "$LIB" ]; then
      echo "librdkafka-current: $LIB missing: run scripts/librdkafka-current.sh fetch" >&2
      exit 1
    fi
    export LD_LIBRARY_PATH="$DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    exec "$@"
    ;;
  version) echo "$WHEEL_VERSION" ;;
  *)
    echo "usage: $0 fetch | run CMD... | version" >&2
    exit 2
    ;;
esac
