#!/usr/bin/env bash
# Start-up benchmark: wall time of `sonde analyze` on a shipped sample from a cold JVM, compiling the
# rule pack (--no-cache) versus reading it from the compile cache (second start, unchanged pack).
# Usage: sdk-examples/bench/run-start.sh [RUNS]   (numbers go to stdout; see docs/performance.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-7}"
./sonde --version >/dev/null                                   # builds the CLI if needed
cache="$(mktemp -d "${TMPDIR:-/tmp}/sonde-bench-cache.XXXXXX")"
chmod 700 "$cache"
trap 'rm -rf "$cache"' EXIT
sample=sdk-examples/samples/fiddler-interception

wall_ms() {  # runs the packaged CLI once, prints its wall time in ms
  local t0 t1
  t0=$(date +%s%N)
  SONDE_CACHE_DIR="$cache" ./sonde analyze "$sample" "$@" >/dev/null || [ $? -eq 1 ]
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

wall_ms >/dev/null                                             # warms the OS file cache, fills the compile cache
compiled=$(for _ in $(seq "$runs"); do wall_ms --no-cache; done | median)
cached=$(for _ in $(seq "$runs"); do wall_ms; done | median)
echo "sonde analyze $sample, median of $runs cold JVM starts on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "  compiling the rule pack (--no-cache): ${compiled} ms"
echo "  compile cache hit (second start):     ${cached} ms"
echo "  cache entry: $(du -k "$cache"/*.kbase | cut -f1) KiB"
