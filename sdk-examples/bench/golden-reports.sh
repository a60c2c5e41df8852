#!/usr/bin/env bash
# Writes the JSON report of every golden case of the built-in pack into OUT (one file per case), to compare
# two versions of Sonde: run it before and after a change, then `diff -r BEFORE AFTER`.
# Usage: sdk-examples/bench/golden-reports.sh OUT
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:?usage: golden-reports.sh OUT}"
mkdir -p "$out"
cd "$root"
./sonde --version >/dev/null                      # builds the CLI if needed
for c in sdk-rules/src/main/resources/dev/sonde/packs/gwsmo/cases/*/; do
  n="$(basename "$c")"
  ./sonde analyze "$c" --format json > "$out/$n.json" 2>/dev/null || true
done
echo "$(ls "$out" | wc -l) reports in $out"
