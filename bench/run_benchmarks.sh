#!/usr/bin/env bash
# Builds the England-scale benchmark in Release and runs it, then prints the summary table:
# events (arrivals, transitions and ageing out) per second per core against the Philox ceiling
# (target >= 40 %), the speed-up from 1 to 2 threads (target >= 1.8), peak RSS by number of
# replicates, and the cost of breakdowns, school and the foster-carer pool together
# (england-scale-full.yaml over england-scale.yaml, target <= 1.5), with its two steps (-nopool
# over plain, full over -nopool), measured in the same process.
#
#   bench/run_benchmarks.sh [benchmark flags...]
#
# Environment: CARECAST_BENCH_BUILD (build directory, default build-bench at the top of the
# repository). Extra flags go to the benchmark binary, e.g. --benchmark_filter=Ceiling,
# --replicates=8, --scenario=FILE. One full run takes about a minute and a half on 2 idle cores.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
build=${CARECAST_BENCH_BUILD:-$root/build-bench}

configure=(-S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCARECAST_BUILD_BENCHMARKS=ON)
# A new build directory gets no tests (faster); an existing one keeps its choice, so that a
# build directory used for the tests as well still has them after a benchmark run.
if [[ ! -f $build/CMakeCache.txt ]]; then
  configure+=(-DCARECAST_BUILD_TESTS=OFF)
  if command -v ninja >/dev/null; then configure+=(-G Ninja); fi
fi
echo "== building carecast_bench (Release) in $build"
cmake "${configure[@]}" >/dev/null
cmake --build "$build" --target carecast_bench

stamp=$(date +%Y%m%dT%H%M%S)
log=$build/bench/run-$stamp.txt
json=$build/bench/run-$stamp.json
echo "== running (log: $log, JSON: $json)"
"$build/bench/carecast_bench" --benchmark_color=false --benchmark_out="$json" \
  --benchmark_out_format=json "$@" >"$log" 2>&1 || { cat "$log"; exit 1; }

# The workload as realised, then the summary the binary prints after all benchmarks.
sed -n '1,/^  timed run/p' "$log"
echo
sed -n '/^=== Summary/,$p' "$log"
