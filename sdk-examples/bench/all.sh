#!/usr/bin/env bash
# Prints every figure of docs/performance.md's issue-12 table, in one run on this machine:
#   1. start:       run-start.sh (java -version in the same loop for the ratio; warm median, first run, split)
#   2. throughput:  run.sh (grep -c . on the same file in the same run for the ratio; 200 MB log, storm log),
#                   and with BIG_MB set (e.g. BIG_MB=2048) a log of that size analyzed with -Xmx128m
#   3. warm:        JMH WarmAnalysis (median per sample) and WarmAllocation (bytes per call, all threads)
#   4. engine:      JMH EngineBenchmark (small and large fact sets)
# Usage: sdk-examples/bench/all.sh [START_RUNS]   (default 9). Takes about 10 minutes; run it on a quiet machine.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-9}"
echo "== machine: $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== 1. start"
sdk-examples/bench/run-start.sh "$runs"
echo "== 2. throughput"
sdk-examples/bench/run.sh 200 ${BIG_MB:-}
echo "== 3. warm analysis (JMH, sample mode: p0.50 is the median)"
sdk-examples/bench/run-jmh.sh WarmAnalysis -f 1 -wi 5 -w 2 -i 5 -r 2 2>&1 | grep -E "analyze(:p0.50)? |Benchmark " || true
java -Xmx8g -XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC \
  -cp "sdk-examples/target/test-classes:sdk-examples/target/classes:$(cat sdk-examples/target/bench-classpath.txt)" \
  dev.sonde.bench.WarmAllocation fiddler-interception healthy
echo "== 4. engine alone (JMH)"
sdk-examples/bench/run-jmh.sh EngineBenchmark -f 1 -wi 3 -w 2 -i 5 -r 2 2>&1 | grep -E "p0.50|Benchmark " || true
