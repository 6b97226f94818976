#!/usr/bin/env bash
# Times `carecast calibrate` on about a million episodes: the simulated episodes of England at
# scale (bench/england-scale-nopool.yaml: ~85,000 children in care at the start, ~33,000 entries
# a year, 10 years, with breakdowns, their causes, the prior-breakdown factor and school changes
# on; about 566,000 episodes per replicate), two replicates written by `carecast run --episodes`
# into one file. The calibration uses realistic bands (age 0,1,5,10,16; time in state
# 0,0.5,1,2,5; cells under 5 person-years pooled), the ageing-out state, school-change
# probabilities for ages 5-16 and a population table (England's, × 150 authorities × the
# replicates, so that the entry rates come out per 1000 children; entries counted from the
# start date 2025-04-01, as the snapshot children's earlier entries are not recorded), and runs
# under /usr/bin/time -v. Prints the wall time, the peak memory (RSS), the machine and the load.
# Target: under a minute and under 2 GB on 2 cores.
#
#   bash bench/calibration_benchmark.sh [carecast calibrate flags...]   e.g. --period-breaks 2030-01-01
#
# Environment:
#   CARECAST             the carecast binary (default build/cli/carecast at the top of the
#                        repository); it must come from a Release build. Nothing is built here.
#   CARECAST_BENCH_REPLICATES  replicates whose episodes are calibrated together (default 2)
#   CARECAST_BENCH_KEEP  a folder to keep the episodes and the model file in (default: a
#                        temporary folder, removed at the end)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
carecast=${CARECAST:-$root/build/cli/carecast}
replicates=${CARECAST_BENCH_REPLICATES:-2}
scenario=$here/england-scale-nopool.yaml
population=$root/scenarios/data/england_la_population.csv

[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 1; }
[[ -x $carecast ]] || { echo "no carecast executable at $carecast (set CARECAST)" >&2; exit 1; }
cache=$(dirname "$(dirname "$carecast")")/CMakeCache.txt
if [[ -f $cache ]]; then
  type=$(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$cache")
  [[ $type == Release ]] || { echo "$carecast is from a '$type' build; the benchmark needs Release" >&2; exit 1; }
fi

if [[ -n ${CARECAST_BENCH_KEEP:-} ]]; then
  mkdir -p "$CARECAST_BENCH_KEEP"
  work=$(cd "$CARECAST_BENCH_KEEP" && pwd)
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
episodes=$work/episodes.csv
model=$work/model.yaml

# Every replicate's children enter from the same population, so the merged episodes are
# calibrated against the population of all of them.
awk -F, -v factor=$((150 * replicates)) \
  'BEGIN {OFS = ","} /^#/ || $1 == "age" {print; next} {$3 = $3 * factor; print}' \
  "$population" >"$work/population.csv"

echo "== carecast run $(basename "$scenario"): the episodes of $replicates replicates -> $episodes"
last=$((replicates - 1))
/usr/bin/time -f "   (%e s, %M kB peak)" "$carecast" run "$scenario" -r "$replicates" -o "$work/run.h5" \
  --episodes "$episodes" --episode-replicates $(seq -s, 0 "$last") --force -q
rows=$(($(grep -vc '^#' "$episodes") - 1))
echo "   $rows episodes, $(($(stat -c %s "$episodes") / 1024 / 1024)) MiB"

calibrate=("$carecast" calibrate "$episodes" --age-bands 0,1,5,10,16 --duration-bands 0,0.5,1,2,5
  --min-exposure 5 --pool-along duration --ageing-out-state ceased_18 --school-ages 5,16
  --population "$work/population.csv" --observed-from 2025-04-01 -o "$model" --force "$@")
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== ${calibrate[*]#"$root/"}"
/usr/bin/time -v -o "$work/time.txt" "${calibrate[@]}" >"$work/report.txt"
sed -n '1,/^from /p' "$work/report.txt" | sed '$d' | grep -v '^$' | sed 's/^/   /'

# The value of one line of /usr/bin/time -v, matched as a fixed string (its names hold parentheses).
field() { awk -v key="$1" '{sub(/^[ \t]+/, "")} index($0, key ": ") == 1 {print substr($0, length(key) + 3)}' "$work/time.txt"; }
cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
echo
echo "episodes       $rows ($replicates replicates of $(basename "$scenario"))"
echo "wall time      $(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)') (target: under 1 minute)"
echo "CPU            user $(field 'User time (seconds)') s, system $(field 'System time (seconds)') s ($(field 'Percent of CPU this job got'))"
echo "peak RSS       $(($(field 'Maximum resident set size (kbytes)') / 1024)) MiB (target: under 2 GB)"
echo "model file     $(grep -c 'rate:' "$model") rates, $(($(stat -c %s "$model") / 1024)) KiB"
echo "machine        $cpu, $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GiB"
echo "load average   $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after (1, 5, 15 min; above 0 means other work shared the CPUs)"
