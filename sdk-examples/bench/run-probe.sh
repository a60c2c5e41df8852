#!/usr/bin/env bash
# Live-probe concurrency benchmark: 12 endpoints on a loopback server delaying each answer 300 ms.
# Usage: sdk-examples/bench/run-probe.sh [ROUNDS]   (numbers go to stdout; see docs/performance.md)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./sonde --version >/dev/null                                   # builds the CLI if needed
tests_jar="$(ls sdk-probes/target/sdk-probes-*-tests.jar 2>/dev/null | head -1 || true)"
if [ -z "$tests_jar" ]; then
  ./mvnw -B -q -pl sdk-probes -am package -DskipTests            # the test PKI and servers live in the test-jar
  tests_jar="$(ls sdk-probes/target/sdk-probes-*-tests.jar | head -1)"
fi
java -cp "sdk-cli/target/sonde.jar:sdk-cli/target/lib/*:$tests_jar" sdk-examples/bench/ProbeBenchmark.java "${1:-5}"
