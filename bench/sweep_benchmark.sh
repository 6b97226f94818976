#!/usr/bin/env bash
# Times a sweep on the baseline municipality: scenarios/family-support-sweep.yaml, 25
# combinations (uptake 10-50 % × effect 0.7-0.95) of 200 replicates each, run by `carecast run`
# from a Release build, under /usr/bin/time -v. Prints the wall time, the peak memory (RSS)
# and the machine. Target: under a minute on 2 cores.
#
#   bash bench/sweep_benchmark.sh [carecast run flags...]     e.g. --threads 1, --replicates 50
#
# Environment: CARECAST_BENCH_BUILD (build directory, default build-bench at the top of the
# repository, shared with bench/run_benchmarks.sh; configured for Release if it is not yet).
# The sweep file is written to a temporary folder that is removed at the end.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${CARECAST_BENCH_BUILD:-$root/build-bench}
scenario=$root/scenarios/family-support-sweep.yaml

[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 1; }
if [[ ! -f $build/CMakeCache.txt ]]; then
  configure=(-S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release)
  command -v ninja >/dev/null && configure+=(-G Ninja)
  cmake "${configure[@]}" >/dev/null
fi
type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt")
[[ $type == Release ]] || { echo "$build is a '$type' build; the benchmark needs Release" >&2; exit 1; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== building carecast (Release) in $build"
cmake --build "$build" --target carecast >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
echo "== carecast run $(basename "$scenario") $*"
/usr/bin/time -v -o "$work/time.txt" "$build/cli/carecast" run "$scenario" -o "$work/sweep.h5" -q "$@"

field() { awk -v key="$1: " 'index($0, key) { print substr($0, index($0, key) + length(key)) }' "$work/time.txt"; }
combinations=$(h5dump -a /combinations "$work/sweep.h5" 2>/dev/null | grep -Eo '\(0\): [0-9]+' | grep -Eo '[0-9]+$' || echo "?")
replicates=$(h5dump -a /replicates "$work/sweep.h5" 2>/dev/null | grep -Eo '\(0\): [0-9]+' | grep -Eo '[0-9]+$' || echo "?")
threads=$(h5dump -a /run_info/threads "$work/sweep.h5" 2>/dev/null | grep -Eo '\(0\): [0-9]+' | grep -Eo '[0-9]+$' || echo "?")
cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
echo
echo "sweep          $combinations combinations × $replicates replicates, $threads threads"
echo "wall time      $(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)')"
echo "CPU            user $(field 'User time (seconds)') s, system $(field 'System time (seconds)') s ($(field 'Percent of CPU this job got'))"
echo "peak RSS       $(( $(field 'Maximum resident set size (kbytes)') / 1024 )) MiB"
echo "file           $(( $(stat -c %s "$work/sweep.h5") / 1024 / 1024 )) MiB"
echo "machine        $cpu, $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "load average   $load_before before the build, $(cut -d' ' -f1-3 /proc/loadavg) after the run (1, 5, 15 min)"
echo "               (this run alone adds about 2; more means other work shared the CPUs)"
