#!/usr/bin/env bash
# Benchmark: the whole geodata build from scratch, into a temporary GEODATA_OUT so the app's own
# build is untouched. Prints wall time and peak memory (GNU time, installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
[ -x /usr/bin/time ] || apt_install time
out="$(mktemp -d /tmp/povmap-bench-geodata.XXXXXX)"
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), node $(node -v)"
GEODATA_OUT="$out" /usr/bin/time -f 'geodata build: %e s wall, %M KB max RSS, exit %x' \
  node_modules/.bin/tsx geodata/build.ts --force > "$out/log" 2>&1 || { tail -20 "$out/log"; exit 1; }
tail -n 1 "$out/log"
grep -h 'geodata build:' "$out/log" || true
