#!/usr/bin/env bash
# Results are bit-identical for any number of MPI ranks: one process, and two ranks under
# mpirun, give the same datasets (h5diff, outside the volatile run_info groups: the root's, and
# each combination's in a sweep file).
# Usage: rank_invariance.sh CARECAST WORKDIR SCENARIO
set -euo pipefail
carecast=$1 workdir=$2 scenario=$3
rm -rf "$workdir" && mkdir -p "$workdir" && cd "$workdir"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
"$carecast" run "$scenario" -r 6 -o single.h5 --quiet
mpirun -np 2 "$carecast" run "$scenario" -r 6 -o two_ranks.h5 --quiet
run_info=$(h5ls -r two_ranks.h5 | awk '$1 ~ /(^|\/)run_info$/ {print $1}' | head -1)
[ -n "$run_info" ] || { echo "FAIL: the mpirun result has no run_info group"; exit 1; }
ranks=$(h5dump -a "$run_info/ranks" two_ranks.h5 | grep -Eo '\(0\): [0-9]+' | grep -Eo '[0-9]+$')
[ "$ranks" = 2 ] || { echo "FAIL: the mpirun result records $ranks ranks, not 2"; exit 1; }
excludes=()
while read -r path; do excludes+=(--exclude-path "$path"); done < <(h5ls -r single.h5 | awk '$1 ~ /(^|\/)run_info$/ {print $1}')
h5diff "${excludes[@]}" single.h5 two_ranks.h5 || { echo "FAIL: 1 and 2 ranks differ"; exit 1; }
echo "PASS: 1 rank and 2 ranks give identical results ($(( ${#excludes[@]} / 2 )) run_info groups left out)"
