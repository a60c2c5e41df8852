#!/usr/bin/env bash
# Measures Sonde on a generated 200 MB trace log (-Xmx256m) against `grep -c` on the same file in the same run,
# optionally a 2 GB log with -Xmx128m, and ./sonde analyze of the log and of a sample from a cold JVM (their difference is
# the log's cost beyond start-up as someone at the command line sees it).
# Usage: sdk-examples/bench/run.sh [SIZE_MB] [BIG_MB]   e.g. run.sh 200 2048   (numbers go to stdout; see docs/performance.md)
#   BIG_MB: also generate (once; it takes minutes) and analyze a BIG_MB log with -Xmx128m; BIG_DIR (default bench-data)
#   says where it goes; never commit it.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
size="${1:-200}"
big="${2:-}"
data="$root/bench-data"
mkdir -p "$data"
cd "$root"
./sonde --version >/dev/null                      # builds the CLI if needed
log="$data/Trace-generated-${size}MB.log"
[ -f "$log" ] || java sdk-examples/bench/GenerateTraceLog.java "$log" "$size"

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
grep_ms() {  # median wall time of 5 `grep -c .` over the file (it reads every line; in the page cache after the first), in ms
  # its output is kept: GNU grep writing to /dev/null stops at the first match
  local n; n=$(grep -c . "$1")
  for _ in 1 2 3 4 5; do
    local t0; t0=$(date +%s%N)
    n=$(grep -c . "$1")
    echo $(( ($(date +%s%N) - t0) / 1000 ))
  done | median | awk '{printf "%.1f", $1 / 1000}'
}

echo "== $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
g=$(grep_ms "$log")
echo "== grep -c . on the ${size} MB log: ${g} ms (median of 5)"
echo "== in-process analysis, -Xmx256m: a cold JVM, then 9 more in the same JVM"
java -Xmx256m -cp sdk-cli/target/sonde.jar sdk-examples/bench/LargeLogBenchmark.java "$log" 10 "$g"
storm="$data/Trace-generated-storm-50MB.log"
[ -f "$storm" ] || java sdk-examples/bench/GenerateTraceLog.java "$storm" 50 7 3
echo "== in-process analysis of a failure storm (an incident every ~3 records), -Xmx256m"
java -Xmx256m -cp sdk-cli/target/sonde.jar sdk-examples/bench/LargeLogBenchmark.java "$storm" 1 "$(grep_ms "$storm")"
if [ -n "$big" ]; then
  bigdir="${BIG_DIR:-$data}"
  mkdir -p "$bigdir"
  biglog="$bigdir/Trace-generated-${big}MB.log"
  [ -f "$biglog" ] || java sdk-examples/bench/GenerateTraceLog.java "$biglog" "$big"
  gb=$(grep_ms "$biglog")
  echo "== grep -c . on the ${big} MB log: ${gb} ms"
  echo "== in-process analysis of the ${big} MB log, -Xmx128m"
  java -Xmx128m -cp sdk-cli/target/sonde.jar sdk-examples/bench/LargeLogBenchmark.java "$biglog" 1 "$gb"
fi
wall_ms() {  # wall time of one command, in ms
  local t0; t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}
echo "== ./sonde analyze, cold JVM each time: the whole ${size} MB file (-Xmx256m) and a shipped sample, alternated, 5 runs each"
# each set of JVM options has its own class-data archive, made in the background after its first run: made here first,
# in a cache of this run's own, so that no timed run competes with the archive's training for the cores
cli_cache="$(mktemp -d "${TMPDIR:-/tmp}/sonde-bench-run.XXXXXX")"
trap 'rm -rf "$cli_cache"' EXIT
chmod 700 "$cli_cache"
export SONDE_CACHE_DIR="$cli_cache"
SONDE_JAVA_OPTS="-Xmx256m" ./sonde analyze sdk-examples/samples/fiddler-interception >/dev/null 2>&1 || true
./sonde analyze sdk-examples/samples/fiddler-interception >/dev/null 2>&1 || true
for _ in $(seq 600); do compgen -G "$cli_cache/sonde-*.lock" >/dev/null || break; sleep 0.2; done
big_runs=(); small_runs=()
for i in 1 2 3 4 5; do
  b=$(SONDE_JAVA_OPTS="-Xmx256m" wall_ms ./sonde analyze "$log" --format json)
  s=$(wall_ms ./sonde analyze sdk-examples/samples/fiddler-interception)
  echo "run $i: ${size} MB log ${b} ms, sample ${s} ms"
  big_runs+=("$b"); small_runs+=("$s")
done
bm=$(printf '%s\n' "${big_runs[@]}" | median); sm=$(printf '%s\n' "${small_runs[@]}" | median)
echo "medians: ${size} MB log ${bm} ms, sample ${sm} ms; beyond start-up (log minus sample): $(awk -v b="$bm" -v s="$sm" -v mb="$size" -v g="$g" \
  'BEGIN {d = b - s; printf "%.0f ms, %.0f MB/s, %.1fx grep -c", d, mb * 1000 / d, d / g}')"
