#!/usr/bin/env bash
# Start-up benchmark: wall time of `./sonde analyze` on a shipped sample from a cold JVM, run as a user runs it
# (through the launcher), with `java -version` timed in the same loop for the ratio.
#   warm:        caches as after the first run: the class-data archive (AppCDS / AOT cache) made, rules precompiled
#   no archive:  the same with SONDE_CDS=0 (no class-data archive)
#   tiered:      the same with both JIT compilers (SONDE_JIT=tiered), where the launcher picks C1 alone for this input
#   first run:   right after a build: an empty cache folder (no compile cache, no archive); each such run is
#                followed by the archive being made in the background, which is waited for before the next run
#   split:       SONDE_TIMING=1's phases (median of each over the warm runs)
# Usage: sdk-examples/bench/run-start.sh [RUNS]   (default 9; JAVA_HOME picks the JVM, as for ./sonde)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-9}"
./sonde --version >/dev/null                                   # builds the CLI if needed
work="$(mktemp -d "${TMPDIR:-/tmp}/sonde-bench-start.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -m 700 "$work/cache"
sample=sdk-examples/samples/fiddler-interception
java_cmd=java
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java_cmd="$JAVA_HOME/bin/java"

ms() {  # runs "$@" once, prints its wall time in ms (exit codes 0 and 1 are a normal analysis)
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>>"$work/stderr" || [ $? -eq 1 ]
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
wait_for_archive() {  # the background training of the launcher has ended (its lock is gone), at most 120 s
  local dir="$1" i
  for i in $(seq 600); do
    compgen -G "$dir/sonde-*.lock" >/dev/null || return 0
    sleep 0.2
  done
}
analyze() { SONDE_CACHE_DIR="$1" ./sonde analyze "$sample"; }

# first runs after a build: a fresh, empty cache folder each time
first=()
for i in 1 2 3; do
  mkdir -m 700 "$work/first$i"
  first+=("$(ms analyze "$work/first$i")")
  wait_for_archive "$work/first$i"
done

analyze "$work/cache" >/dev/null || true                       # warms the OS file cache, makes the archive
wait_for_archive "$work/cache"
: >"$work/timing"
warm=(); nocds=(); tiered=(); jv=()
for _ in $(seq "$runs"); do
  jv+=("$(ms "$java_cmd" -XX:+UseSerialGC -Xshare:auto -version)")
  warm+=("$(ms analyze "$work/cache")")
  nocds+=("$(SONDE_CDS=0 ms analyze "$work/cache")")
  tiered+=("$(SONDE_JIT=tiered ms analyze "$work/cache")")
  SONDE_TIMING=1 SONDE_CACHE_DIR="$work/cache" ./sonde analyze "$sample" 2>&1 >/dev/null | grep '^sonde timing:' >>"$work/timing" || true
done
j=$(printf '%s\n' "${jv[@]}" | median)
w=$(printf '%s\n' "${warm[@]}" | median)
n=$(printf '%s\n' "${nocds[@]}" | median)
f=$(printf '%s\n' "${first[@]}" | median)
t=$(printf '%s\n' "${tiered[@]}" | median)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }

echo "sonde analyze $sample: median of $runs cold JVM starts on $(nproc) cores, $("$java_cmd" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  java -version:                              ${j} ms"
echo "  warm (class-data archive, rules in the jar): ${w} ms   ($(ratio "$w" "$j") x java -version)   runs: ${warm[*]}"
echo "  without the archive (SONDE_CDS=0):           ${n} ms   ($(ratio "$n" "$j") x)   runs: ${nocds[*]}"
echo "  both JIT compilers (SONDE_JIT=tiered):      ${t} ms   ($(ratio "$t" "$j") x)   runs: ${tiered[*]}"
echo "  first run after a build (empty cache):       ${f} ms   ($(ratio "$f" "$j") x)   runs: ${first[*]}"
echo "  archive: $(du -k "$work"/cache/sonde-*.jsa "$work"/cache/sonde-*.aot 2>/dev/null | cut -f1 | head -1) KiB"
# the split: each phase's median over the warm runs (the "NAME N ms" parts of the SONDE_TIMING lines)
split=""
for name in "launcher" "JVM start to main" "command line" "rules" "analysis" "report" "main to exit"; do
  split+=" $name $(sed -n "s/.*[:,] $name \([0-9]*\) ms.*/\1/p" "$work/timing" | median) ms,"
done
echo "  split (medians):${split%,}; classes loaded: $(sed -n 's/.*; \([0-9,]*\) classes loaded.*/\1/p' "$work/timing" | tr -d , | median)"
echo "  a warm run: $(sed -n "$(( (runs + 1) / 2 ))p" "$work/timing")"
