#!/usr/bin/env bash
# JIT crossover benchmark: `./sonde analyze LOG` on generated trace logs of several sizes, C1 alone
# (SONDE_JIT=c1) against both compilers (SONDE_JIT=tiered) and any other modes given as SONDE_JAVA_OPTS, the runs
# alternated, wall and CPU (user+sys) medians; the launcher's short/long threshold goes where C1 stops winning.
# Usage: sdk-examples/bench/run-jit.sh [RUNS] [SIZES_MB...]   (default 5 runs of 1 4 8 16 32 64 200 MB)
#   DATA=folder for the logs (default bench-data, git-ignored; generated when missing)
#   MODES="name=SONDE_JIT:SONDE_JAVA_OPTS ..." (default "c1=c1: tiered=tiered:"; a comma in the options is a space)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
runs="${1:-5}"; shift || true
sizes=("$@"); (( ${#sizes[@]} )) || sizes=(1 4 8 16 32 64 200)
data="${DATA:-bench-data}"
read -r -a modes <<<"${MODES:-c1=c1: tiered=tiered:}"
./sonde --version >/dev/null                                   # builds the CLI if needed
work="$(mktemp -d "${TMPDIR:-/tmp}/sonde-bench-jit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -m 700 "$work/cache"
export SONDE_CACHE_DIR="$work/cache"
for m in "${modes[@]}"; do                                     # each mode's class-data archive, made in the background
  spec="${m#*=}"; spec="${spec//,/ }"
  SONDE_JIT="${spec%%:*}" SONDE_JAVA_OPTS="${spec#*:}" ./sonde analyze sdk-examples/samples/fiddler-interception >/dev/null || true
  for _ in $(seq 600); do compgen -G "$work/cache/sonde-*.lock" >/dev/null || break; sleep 0.2; done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "sonde analyze on generated logs: medians of $runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%8s' "MB"; for m in "${modes[@]}"; do printf '%22s' "${m%%=*} wall/cpu s"; done; echo
for mb in "${sizes[@]}"; do
  log="$data/Trace-generated-${mb}MB.log"
  [ -f "$log" ] || java sdk-examples/bench/GenerateTraceLog.java "$log" "$mb" >/dev/null
  ./sonde analyze "$log" >/dev/null 2>&1 || true                # the OS file cache
  declare -A wall=() cpu=()
  for _ in $(seq "$runs"); do
    for m in "${modes[@]}"; do
      spec="${m#*=}"; spec="${spec//,/ }"
      SONDE_JIT="${spec%%:*}" SONDE_JAVA_OPTS="${spec#*:}" /usr/bin/time -o "$work/t" -f '%e %U %S' \
          ./sonde analyze "$log" >/dev/null 2>&1 || true
      read -r w u s < <(tail -1 "$work/t")
      wall[$m]+="$w "; cpu[$m]+="$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}') "
    done
  done
  printf '%8s' "$mb"
  for m in "${modes[@]}"; do
    printf '%22s' "$(tr ' ' '\n' <<<"${wall[$m]}" | grep . | median) / $(tr ' ' '\n' <<<"${cpu[$m]}" | grep . | median)"
  done
  echo
  unset wall cpu
done
