#!/usr/bin/env bash
# Checks that every C++ source is formatted with the repository's .clang-format (Debian's
# clang-format). Fix with: git ls-files '*.cc' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format >/dev/null; then
  echo "lint: clang-format not installed (scripts/setup.sh installs it)" >&2
  exit 1
fi
bad=$(git ls-files '*.cc' '*.h' | while read -r f; do
  clang-format --dry-run "$f" 2>&1 | grep -q "warning:" && echo "$f"
done || true)
if [ -n "$bad" ]; then
  echo "lint: not clang-formatted:" >&2
  echo "$bad" >&2
  exit 1
fi
echo "lint: all C++ sources clang-formatted"
