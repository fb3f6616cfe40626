#!/usr/bin/env bash
# Installs every build and test dependency of wirefeed from Debian's packages.
# Idempotent: packages already present are skipped; runs as root or through sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  librdkafka-dev kcat
  libsimdjson-dev
  libspdlog-dev libfmt-dev
  libtomlplusplus-dev
  libgtest-dev libgmock-dev googletest
  libbenchmark-dev
  clang libclang-rt-14-dev  # libFuzzer for scripts/fuzz.sh
  default-jre-headless maven
  python3 python3-pip  # pip: scripts/librdkafka-current.sh downloads a current librdkafka
)
OPTIONAL=(clang-format clang-tidy)

want=()
for p in "${PACKAGES[@]}" "${OPTIONAL[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    want+=("$p")
  fi
done
# Java and Maven may come from elsewhere on the machine (e.g. a JDK outside apt).
filtered=()
for p in "${want[@]}"; do
  case "$p" in
    default-jre-headless) command -v java >/dev/null 2>&1 && continue ;;
    maven) command -v mvn >/dev/null 2>&1 && continue ;;
  esac
  filtered+=("$p")
done

if [ ${#filtered[@]} -eq 0 ]; then
  echo "setup: all dependencies present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${filtered[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${filtered[@]}"
