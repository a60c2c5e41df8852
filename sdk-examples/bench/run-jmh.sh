#!/usr/bin/env bash
# Runs Sonde's JMH benchmarks (sdk-examples/src/test/java/dev/sonde/bench) from the checkout root.
# Usage: sdk-examples/bench/run-jmh.sh [BENCHMARK_REGEX] [JMH options...]   e.g. run-jmh.sh WarmAnalysis -prof gc
# JMH's own options: java -cp ... org.openjdk.jmh.Main -h
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cp_file="sdk-examples/target/bench-classpath.txt"
./mvnw -B -q -o -pl sdk-examples -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/$cp_file" -Dmdep.includeScope=test >/dev/null 2>&1 \
  || ./mvnw -B -q -pl sdk-examples -am test-compile dependency:build-classpath \
       -Dmdep.outputFile="$root/$cp_file" -Dmdep.includeScope=test
cp="sdk-examples/target/test-classes:sdk-examples/target/classes:$(cat "$cp_file")"
exec java -cp "$cp" org.openjdk.jmh.Main "$@"
