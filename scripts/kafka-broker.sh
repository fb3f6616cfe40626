#!/usr/bin/env bash
# A real single-node Apache Kafka broker (KRaft, loopback, free ports) for integration tests and
# benchmarks, built from Maven Central jars: no Docker, no release tarball.
#
#   scripts/kafka-broker.sh fetch               download the jars once into .cache/kafka/ (reused offline)
#   scripts/kafka-broker.sh start  [instance]   fresh broker; prints its bootstrap address
#   scripts/kafka-broker.sh stop   [instance]   SIGTERM, then SIGKILL; removes its state
#   scripts/kafka-broker.sh stop-all            stops every instance under .kafka/
#   scripts/kafka-broker.sh status [instance]   exit 0 when running and answering, 3 otherwise
#   scripts/kafka-broker.sh env    [instance]   prints `export WIREFEED_KAFKA_BOOTSTRAP=...` for eval
#
# The instance name (default "test") keeps several brokers apart: the ctest fixture uses "it", the
# throughput harness "bench". State lives in .kafka/<instance>/ (gitignored): server.properties,
# broker.log, pid, bootstrap. Tunables (environment):
#   WIREFEED_KAFKA_VERSION        Kafka release (default below; see docs/kafka-broker.md for why)
#   WIREFEED_KAFKA_PARTITIONS     partitions of auto-created topics (default 3)
#   WIREFEED_KAFKA_START_TIMEOUT  seconds to wait for a broker to serve (default 90)
#   WIREFEED_KAFKA_HEAP           JVM heap, e.g. 512m (default 512m)
#   WIREFEED_KAFKA_JVM_OPTS       replaces the heap and GC options below (for A/B experiments)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_VERSION="${WIREFEED_KAFKA_VERSION:-4.4.0}"
PARTITIONS="${WIREFEED_KAFKA_PARTITIONS:-3}"
START_TIMEOUT="${WIREFEED_KAFKA_START_TIMEOUT:-90}"
HEAP="${WIREFEED_KAFKA_HEAP:-512m}"
CACHE="$ROOT/.cache/kafka"
LIBS="$CACHE/libs-$KAFKA_VERSION"
# Kafka's recommended G1 settings (its operations docs): a fixed heap and 16 MB regions. With the
# JVM's default region size for a 512m-1g heap (1 MB), every produce request over 512 KB (a
# client's linger window of stories) is a "humongous" object: at 14k stories/s the broker ran a
# young GC every ~0.4 s for them, pauses up to 206 ms, and the daemon's p99 latency showed
# 0.3-2 s seconds. docs/PERFORMANCE.md has the A/B.
read -r -a JVM_OPTS <<<"${WIREFEED_KAFKA_JVM_OPTS:-"-Xms$HEAP -Xmx$HEAP -XX:+UseG1GC \
-XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:G1HeapRegionSize=16M \
-XX:+ExplicitGCInvokesConcurrent"}"
STATE_ROOT="$ROOT/.kafka"

die() { echo "kafka-broker: $*" >&2; exit 1; }
log() { echo "kafka-broker: $*" >&2; }

# The log4j2 line each Kafka line was released with (the tarball ships it; the POM does not).
log4j_version() {
  case "$KAFKA_VERSION" in
    4.0.*|4.1.*) echo 2.24.3 ;;
    4.*) echo 2.25.5 ;;
    *) die "unsupported Kafka version $KAFKA_VERSION (this script knows the 4.x line)" ;;
  esac
}

cmd_fetch() {
  if [[ -f "$LIBS/.complete" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (scripts/setup.sh installs maven)"
  local l4j tmp start end
  l4j="$(log4j_version)"
  tmp="$LIBS.partial.$$"
  rm -rf "$tmp"
  mkdir -p "$CACHE"
  log "fetching Kafka $KAFKA_VERSION jars (log4j $l4j) into $LIBS"
  start=$(date +%s)
  # Run from the cache dir so Maven's target/ never lands in the source tree.
  if ! (cd "$CACHE" && mvn -B -q -f "$ROOT/scripts/kafka/pom.xml" \
          -Dmaven.repo.local="$CACHE/m2" \
          -Dkafka.version="$KAFKA_VERSION" -Dlog4j.version="$l4j" \
          dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" \
          >"$CACHE/fetch.log" 2>&1); then
    tail -n 30 "$CACHE/fetch.log" >&2
    rm -rf "$tmp"
    die "mvn dependency:copy-dependencies failed (full log: $CACHE/fetch.log)"
  fi
  end=$(date +%s)
  # Only a completed copy is ever renamed into place, so an interrupted fetch is simply redone.
  ls "$tmp"/kafka_2.13-*.jar >/dev/null 2>&1 || die "fetch produced no kafka_2.13 jar"
  echo "$(ls "$tmp" | wc -l) jars, $(du -sh "$tmp" | cut -f1), $((end - start)) s" >"$tmp/.complete"
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
  log "fetched $(cat "$LIBS/.complete")"
}

instance_dir() { echo "$STATE_ROOT/${1:-test}"; }

# Two distinct free loopback ports, chosen by the kernel. The sockets are held until both are known so
# the two numbers differ; the tiny window before Kafka binds them is acceptable for tests.
free_ports() {
  python3 - <<'PY'
import socket
socks = []
for _ in range(2):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
PY
}

# The pid of this instance's broker, or nothing. The pid file is trusted only while that pid still
# runs a JVM started with this instance's config, so a recycled pid is never signalled. Without a pid
# file (a start interrupted between launch and writing it) /proc is searched for the same command line.
broker_pid() {
  local dir="$1" pid
  if [[ -f "$dir/pid" ]]; then
    pid="$(cat "$dir/pid")"
    if [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] &&
       tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$dir/server.properties"; then
      echo "$pid"
      return 0
    fi
  fi
  local p
  for p in /proc/[0-9]*; do
    [[ -r "$p/cmdline" ]] || continue
    if tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -qF -- "kafka.Kafka $dir/server.properties"; then
      echo "${p#/proc/}"
      return 0
    fi
  done
  return 0
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# kcat -L answers only once the broker serves metadata, which is what a client needs.
metadata_ok() { timeout 10 kcat -L -b "127.0.0.1:$1" -m 5 2>/dev/null | grep -q "1 brokers:"; }

stop_dir() {
  local dir="$1" pid i
  pid="$(broker_pid "$dir")"
  if [[ -n "$pid" ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    # A clean KRaft shutdown takes a few seconds; past 30 s the data is thrown away anyway.
    for ((i = 0; i < 300; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "broker pid $pid ignored SIGTERM for 30 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  rm -rf "$dir"
}

cmd_stop() {
  local dir
  dir="$(instance_dir "${1:-}")"
  [[ -d "$dir" ]] || return 0
  stop_dir "$dir"
  log "stopped instance ${1:-test}"
}

cmd_stop_all() {
  local d
  [[ -d "$STATE_ROOT" ]] || return 0
  for d in "$STATE_ROOT"/*/; do
    [[ -d "$d" ]] || continue
    stop_dir "${d%/}"
    log "stopped instance $(basename "$d")"
  done
}

# Starts the broker JVM of an instance dir in the background ($! is its pid), appending to its
# broker.log. Detached from our stdio (and session) so ctest/make never wait on pipes the JVM
# inherited.
launch_broker() {
  local dir=$1
  setsid java "${JVM_OPTS[@]}" -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$ROOT/scripts/kafka/log4j2.properties" \
    -Djava.io.tmpdir="$dir/tmp" -cp "$LIBS/*" \
    kafka.Kafka "$dir/server.properties" </dev/null >>"$dir/broker.log" 2>&1 &
}

cmd_start() {
  local name="${1:-test}" dir
  dir="$(instance_dir "$name")"
  command -v java >/dev/null || die "java not found (scripts/setup.sh installs default-jre-headless)"
  command -v kcat >/dev/null || die "kcat not found (scripts/setup.sh installs kcat)"
  cmd_fetch
  # A leftover of an earlier run (even an interrupted one) is stopped: tests want a fresh broker.
  if [[ -d "$dir" ]]; then
    log "instance $name exists; stopping it first"
    stop_dir "$dir"
  fi
  rm -f "$dir.failed.log"
  mkdir -p "$dir/tmp" "$dir/data"

  # From here on any failure (or Ctrl-C) must not leave a broker behind.
  # The state dir goes with the broker; its log is kept beside it for the post-mortem.
  trap 'rc=$?; trap - EXIT INT TERM; if [[ $rc -ne 0 ]]; then
          cp "'"$dir"'/broker.log" "'"$dir"'.failed.log" 2>/dev/null || true
          stop_dir "'"$dir"'"; fi; exit $rc' EXIT
  trap 'exit 130' INT TERM

  local ports broker_port controller_port
  ports="$(free_ports)"
  broker_port="${ports% *}"
  controller_port="${ports#* }"
  sed -e "s|@BROKER_PORT@|$broker_port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" \
      -e "s|@STATE_DIR@|$dir|g" -e "s|@NUM_PARTITIONS@|$PARTITIONS|g" \
      "$ROOT/scripts/kafka/server.properties.in" >"$dir/server.properties"

  local t0 cluster_id
  t0=$(date +%s%N)
  # 16 random bytes in URL-safe base64 without padding: the 22-character id KRaft expects. It can
  # start with '-', so it is passed as --cluster-id=ID (as a separate word argparse took it for an
  # option and the format failed about once in 64 starts).
  cluster_id="$(python3 -c 'import base64,os;print(base64.urlsafe_b64encode(os.urandom(16)).decode().rstrip("="))')"
  if ! java -cp "$LIBS/*" -Dlog4j2.configurationFile="$ROOT/scripts/kafka/log4j2.properties" \
         kafka.tools.StorageTool format --cluster-id="$cluster_id" \
         --config "$dir/server.properties" >"$dir/format.log" 2>&1; then
    cat "$dir/format.log" >&2
    die "formatting the storage of instance $name failed"
  fi

  : >"$dir/broker.log"
  launch_broker "$dir"
  local pid=$!
  echo "$pid" >"$dir/pid"

  local deadline ready=0
  deadline=$(( $(date +%s) + START_TIMEOUT ))
  while (( $(date +%s) < deadline )); do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$dir/broker.log" >&2
      die "broker of instance $name exited during start-up (log kept in $dir.failed.log)"
    fi
    # The broker port opens only once the broker serves (the controller port opens earlier).
    if port_open "$broker_port" && metadata_ok "$broker_port"; then
      ready=1
      break
    fi
    sleep 0.2
  done
  if (( ready == 0 )); then
    tail -n 40 "$dir/broker.log" >&2
    die "broker of instance $name not serving after ${START_TIMEOUT}s (log kept in $dir.failed.log)"
  fi
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "127.0.0.1:$broker_port" >"$dir/bootstrap"
  echo "$KAFKA_VERSION" >"$dir/version"
  trap - EXIT INT TERM
  log "instance $name: Kafka $KAFKA_VERSION pid $pid ready in ${ms} ms (format + start)"
  echo "127.0.0.1:$broker_port"
}

# Stops the broker of an instance and starts it again on the same ports and data: an outage that
# clients must ride out (the crash tests use it). Keeps the instance's state.
cmd_bounce() {
  local name="${1:-test}" dir pid i
  dir="$(instance_dir "$name")"
  pid="$(broker_pid "$dir")"
  [[ -n "$pid" ]] || die "instance $name is not running"
  local down_s="${2:-3}"
  kill -TERM "$pid"
  for ((i = 0; i < 300; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid"; sleep 0.5; }
  log "instance $name: broker stopped; down for ${down_s}s"
  sleep "$down_s"
  launch_broker "$dir"
  pid=$!
  echo "$pid" >"$dir/pid"
  local bs port deadline
  bs="$(cat "$dir/bootstrap")"
  port="${bs##*:}"
  deadline=$(( $(date +%s) + START_TIMEOUT ))
  while (( $(date +%s) < deadline )); do
    kill -0 "$pid" 2>/dev/null || die "broker of instance $name exited during restart"
    if port_open "$port" && metadata_ok "$port"; then
      log "instance $name: broker back pid $pid"
      return 0
    fi
    sleep 0.2
  done
  die "broker of instance $name not serving after restart"
}

cmd_status() {
  local name="${1:-test}" dir pid
  dir="$(instance_dir "$name")"
  pid="$(broker_pid "$dir")"
  if [[ -z "$pid" ]]; then
    echo "instance $name: not running"
    return 3
  fi
  local bs
  bs="$(cat "$dir/bootstrap" 2>/dev/null || true)"
  if [[ -n "$bs" ]] && metadata_ok "${bs##*:}"; then
    echo "instance $name: running pid $pid bootstrap $bs kafka $(cat "$dir/version" 2>/dev/null || echo ?)"
    return 0
  fi
  echo "instance $name: pid $pid alive but not answering metadata requests"
  return 3
}

cmd_env() {
  local dir
  dir="$(instance_dir "${1:-}")"
  [[ -f "$dir/bootstrap" ]] || die "instance ${1:-test} not started (no $dir/bootstrap)"
  echo "export WIREFEED_KAFKA_BOOTSTRAP=$(cat "$dir/bootstrap")"
}

case "${1:-}" in
  fetch) cmd_fetch; cat "$LIBS/.complete" ;;
  start) cmd_start "${2:-test}" ;;
  stop) cmd_stop "${2:-test}" ;;
  stop-all) cmd_stop_all ;;
  bounce) cmd_bounce "${2:-test}" "${3:-3}" ;;
  status) cmd_status "${2:-test}" ;;
  env) cmd_env "${2:-test}" ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
