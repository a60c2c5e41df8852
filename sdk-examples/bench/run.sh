#!/usr/bin/env bash
# Measures Sonde on a generated 200 MB trace log (-Xmx256m) and the cold-start wall time of ./sonde analyze.
# Usage: sdk-examples/bench/run.sh [SIZE_MB]   (numbers go to stdout; see docs/performance.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
size="${1:-200}"
data="$root/bench-data"
mkdir -p "$data"
cd "$root"
./sonde --version >/dev/null                      # builds the CLI if needed
log="$data/Trace-generated-${size}MB.log"
[ -f "$log" ] || java sdk-examples/bench/GenerateTraceLog.java "$log" "$size"
echo "== in-process analysis, -Xmx256m"
java -Xmx256m -cp sdk-cli/target/sonde.jar sdk-examples/bench/LargeLogBenchmark.java "$log"
storm="$data/Trace-generated-storm-50MB.log"
[ -f "$storm" ] || java sdk-examples/bench/GenerateTraceLog.java "$storm" 50 7 3
echo "== in-process analysis of a failure storm (an incident every ~3 records), -Xmx256m"
java -Xmx256m -cp sdk-cli/target/sonde.jar sdk-examples/bench/LargeLogBenchmark.java "$storm"
echo "== ./sonde analyze on the whole file, -Xmx256m (wall time, cold JVM)"
start=$(date +%s%N)
SONDE_JAVA_OPTS="-Xmx256m" ./sonde analyze "$log" --format json >/dev/null || true
echo "wall: $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "== ./sonde analyze on a shipped sample, cold JVM, 5 runs"
for i in 1 2 3 4 5; do
  start=$(date +%s%N)
  ./sonde analyze sdk-examples/samples/fiddler-interception >/dev/null || true
  echo "run $i: $(( ($(date +%s%N) - start) / 1000000 )) ms"
done
