#!/usr/bin/env bash
# Tests tools/report.py, the HTML report: its unit tests; a report of a fresh 20-replicate
# baseline result (costs, school, foster carers, caseload) whose figures are checked against the
# same figures computed here from the HDF5 file and against what 'carecast summary' prints (the
# exam table included); a result made to have children waiting in one replicate of 21 only, whose
# means lie outside their intervals: marked '*', with one note under the table, in the report and
# in 'carecast summary' alike; a run from 1 July in calendar years and one in financial years
# (short first and last years, marked); a comparison report, checked against the file (the cost
# split included) and against what 'carecast compare' prints (the exam passes difference
# included); one combination of a sweep file (--combination), checked against its group and
# 'carecast summary --combination'; and the refusals (not HDF5, another schema version, a sweep
# without --combination, --combination of a combination the sweep lacks or of another kind of
# file, an existing output without --force, the output being the input).
# 20 replicates (an even number) make means that end in .5 or .05 common: such ties round as
# carecast rounds them only if the mean is computed in carecast's arithmetic, so the stdout
# checks fail for a report that takes numpy's mean.
#
# Usage: bash tests/notebooks/report.sh /path/to/carecast /path/to/workdir
# (CTest runs it so; see tests/CMakeLists.txt.)
set -euo pipefail

fail() {
  echo "FAIL (report): $*" >&2
  exit 1
}

[[ $# -eq 2 ]] || fail "usage: bash $0 /path/to/carecast /path/to/workdir"
CARECAST=$1
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
REPORT=$REPO/tools/report.py
BASE_SCENARIO=$REPO/scenarios/baseline.yaml
ALTERNATIVE=$REPO/scenarios/family-support-12-17.yaml

source "$REPO/tests/notebooks/notebook_environment.bash"   # PATH and PYTHON (Debian's python3)
[[ -x $CARECAST ]] || fail "carecast executable '$CARECAST' does not exist or is not executable"
[[ -f $REPORT ]] || fail "$REPORT is missing"
$PYTHON -c "import h5py, numpy, matplotlib" 2>/dev/null ||
  fail "$PYTHON lacks h5py, numpy or matplotlib (Debian: python3-h5py, python3-numpy, python3-matplotlib)"

mkdir -p "$2"
WORKDIR=$(cd "$2" && pwd)/report
rm -rf "$WORKDIR"   # so that a stale report cannot pass
mkdir -p "$WORKDIR"
export MPLCONFIGDIR=$WORKDIR/matplotlib   # keep matplotlib out of the home directory
export PYTHONDONTWRITEBYTECODE=1          # and Python out of the source tree
RESULT=$WORKDIR/base.h5
COMPARISON=$WORKDIR/fs.h5

echo "== unit tests of tools/carecast_report"
$PYTHON -m unittest discover -s "$REPO/tools/tests" || fail "unit tests failed"

echo "== carecast run (20 replicates) -> $RESULT"
timeout 300 "$CARECAST" run "$BASE_SCENARIO" --replicates 20 -o "$RESULT" --quiet || fail "carecast run failed (exit $?)"

echo "== report of the result"
$PYTHON "$REPORT" "$RESULT" -o "$WORKDIR/base.html" || fail "report.py failed on $RESULT"
$PYTHON "$REPO/tools/tests/report_checks.py" result "$RESULT" "$WORKDIR/base.html" ||
  fail "the result report does not hold the figures of $RESULT; see above"
"$CARECAST" summary "$RESULT" >"$WORKDIR/base-summary.txt" || fail "carecast summary failed (exit $?)"
$PYTHON "$REPO/tools/tests/report_checks.py" summary-stdout "$RESULT" "$WORKDIR/base.html" "$WORKDIR/base-summary.txt" ||
  fail "the result report's figures differ from those carecast summary printed ($WORKDIR/base-summary.txt)"

echo "== a mean outside its interval (children waiting in one replicate of 21): marked, with a note"
# With 21 replicates the 95th percentile is the 20th smallest value, a 0 here, and the mean 4/21
# lies above it. (With 20 it cannot: the mean of 20 values never exceeds their type-7 q95.)
printf 'extends: %s\nsimulation: {start: 2025-01-01, years: 3}\n' "$BASE_SCENARIO" >"$WORKDIR/rare.yaml"
timeout 300 "$CARECAST" run "$WORKDIR/rare.yaml" --replicates 21 -o "$WORKDIR/rare.h5" --quiet ||
  fail "carecast run of rare.yaml failed (exit $?)"
$PYTHON -c "
import sys, h5py
with h5py.File(sys.argv[1], 'a') as f:
    pool = f['replicates/carer_pool']
    values = pool[()]
    values[:, :, 2] = 0          # children waiting: none, but 4 in replicate 0 on every date
    values[0, :, 2] = 4
    pool[...] = values" "$WORKDIR/rare.h5"
$PYTHON "$REPORT" "$WORKDIR/rare.h5" -o "$WORKDIR/rare.html" || fail "report.py failed on rare.h5"
"$CARECAST" summary "$WORKDIR/rare.h5" >"$WORKDIR/rare-summary.txt" || fail "carecast summary of rare.h5 failed"
$PYTHON "$REPO/tools/tests/report_checks.py" marks "$WORKDIR/rare.h5" "$WORKDIR/rare.html" "$WORKDIR/rare-summary.txt" ||
  fail "a mean outside its interval is not marked alike in the report and carecast summary; see above"
$PYTHON "$REPO/tools/tests/report_checks.py" summary-stdout "$WORKDIR/rare.h5" "$WORKDIR/rare.html" \
  "$WORKDIR/rare-summary.txt" 60 || fail "the report of rare.h5 differs from carecast summary ($WORKDIR/rare-summary.txt)"

echo "== report of a result from 1 July: calendar years, the first of six months"
printf 'extends: %s\nsimulation: {start: 2025-07-01, years: 3}\n' "$BASE_SCENARIO" >"$WORKDIR/mid-year.yaml"
timeout 300 "$CARECAST" run "$WORKDIR/mid-year.yaml" --replicates 20 -o "$WORKDIR/years.h5" --quiet ||
  fail "carecast run of the mid-year scenario failed (exit $?)"
$PYTHON "$REPORT" "$WORKDIR/years.h5" -o "$WORKDIR/years.html" || fail "report.py failed on years.h5"
$PYTHON "$REPO/tools/tests/report_checks.py" years "$WORKDIR/years.h5" "$WORKDIR/years.html" ||
  fail "the report does not count years by /grid/year_start; see above"

echo "== report of a result from 1 July in financial years (year_begins 04-01)"
printf 'extends: %s\nsimulation: {start: 2026-07-01, years: 2, year_begins: 04-01}\n' "$BASE_SCENARIO" \
  >"$WORKDIR/financial.yaml"
timeout 300 "$CARECAST" run "$WORKDIR/financial.yaml" --replicates 20 -o "$WORKDIR/financial.h5" --quiet ||
  fail "carecast run of the financial-year scenario failed (exit $?)"
$PYTHON "$REPORT" "$WORKDIR/financial.h5" -o "$WORKDIR/financial.html" || fail "report.py failed on financial.h5"
$PYTHON "$REPO/tools/tests/report_checks.py" financial "$WORKDIR/financial.h5" "$WORKDIR/financial.html" ||
  fail "the report does not name and mark financial years; see above"

echo "== carecast compare (20 replicates) -> $COMPARISON"
timeout 300 "$CARECAST" compare "$BASE_SCENARIO" "$ALTERNATIVE" --replicates 20 -o "$COMPARISON" \
  >"$WORKDIR/fs-compare.txt" || fail "carecast compare failed (exit $?)"
$PYTHON "$REPORT" "$COMPARISON" -o "$WORKDIR/fs.html" || fail "report.py failed on $COMPARISON"
$PYTHON "$REPO/tools/tests/report_checks.py" comparison "$COMPARISON" "$WORKDIR/fs.html" ||
  fail "the comparison report does not hold the figures of $COMPARISON; see above"
$PYTHON "$REPO/tools/tests/report_checks.py" compare-stdout "$COMPARISON" "$WORKDIR/fs.html" "$WORKDIR/fs-compare.txt" ||
  fail "the comparison report's figures differ from those carecast compare printed ($WORKDIR/fs-compare.txt)"

SWEEP=$WORKDIR/sweep.h5
echo "== carecast run of a sweep (2 combinations, 20 replicates) -> $SWEEP"
printf 'extends: %s\nsweep:\n  interventions.family_support_12_17.uptake: [0.2, 0.5]\n' "$ALTERNATIVE" \
  >"$WORKDIR/sweep.yaml"
timeout 300 "$CARECAST" run "$WORKDIR/sweep.yaml" --replicates 20 -o "$SWEEP" --quiet || fail "the sweep failed (exit $?)"
$PYTHON "$REPORT" "$SWEEP" --combination 1 -o "$WORKDIR/sweep-1.html" || fail "report.py --combination 1 failed"
$PYTHON "$REPO/tools/tests/report_checks.py" sweep "$SWEEP" "$WORKDIR/sweep-1.html" 1 ||
  fail "the report of combination 1 does not hold its figures; see above"
"$CARECAST" summary "$SWEEP" --combination 1 >"$WORKDIR/sweep-1-summary.txt" || fail "carecast summary --combination failed"
$PYTHON "$REPO/tools/tests/report_checks.py" summary-stdout "$SWEEP" "$WORKDIR/sweep-1.html" "$WORKDIR/sweep-1-summary.txt" ||
  fail "the report of combination 1 differs from carecast summary --combination 1; see above"

echo "== refusals"
# expect_refusal NAME OUTPUT ARGS...: report.py must exit non-zero and name NAME on stderr (and
# leave OUTPUT as it was: absent unless it existed).
expect_refusal() {
  local name=$1 output=$2
  shift 2
  local status=0 existed=0
  [[ -e $output ]] && existed=1
  $PYTHON "$REPORT" "$@" >"$WORKDIR/refusal.out" 2>"$WORKDIR/refusal.err" || status=$?
  [[ $status -ne 0 ]] || fail "report.py $* succeeded; expected a refusal"
  [[ $existed -eq 1 || ! -e $output ]] || fail "the refused report.py $* wrote $output"
  grep -qF -- "$name" "$WORKDIR/refusal.err" || { cat "$WORKDIR/refusal.err" >&2; fail "the message of report.py $* does not name '$name'"; }
  REFUSAL_STATUS=$status
  echo "refused (exit $status): $(head -1 "$WORKDIR/refusal.err")"
}
no_partials() {
  ! ls -a "$WORKDIR" | grep -q '\.partial-' || fail "a temporary .partial- file was left in $WORKDIR"
}

echo "not a carecast result" >"$WORKDIR/notes.txt"
expect_refusal "notes.txt" "$WORKDIR/notes.html" "$WORKDIR/notes.txt" -o "$WORKDIR/notes.html"
[[ ! -e $WORKDIR/notes.html ]] || fail "a refused report left $WORKDIR/notes.html"
grep -qF "not an HDF5 file" "$WORKDIR/refusal.err" || fail "the text file is not called 'not an HDF5 file'"
[[ $REFUSAL_STATUS -eq 2 ]] || fail "a file that is not a result exited $REFUSAL_STATUS; expected 2, as carecast's"

$PYTHON -c "
import shutil, sys, h5py
shutil.copy(sys.argv[1], sys.argv[2])
with h5py.File(sys.argv[2], 'a') as f:
    f.attrs['schema_version'] = '2.0'" "$RESULT" "$WORKDIR/v2.h5"
expect_refusal "v2.h5" "$WORKDIR/v2.html" "$WORKDIR/v2.h5" -o "$WORKDIR/v2.html"
grep -qF "schema version 2.0" "$WORKDIR/refusal.err" || fail "the schema version is not named"
[[ ! -e $WORKDIR/v2.html ]] || fail "a refused report left $WORKDIR/v2.html"

expect_refusal "--combination" "$WORKDIR/sweep.html" "$SWEEP" -o "$WORKDIR/sweep.html"
grep -qF "2 combinations" "$WORKDIR/refusal.err" || fail "the refusal of a sweep does not give the number of combinations"
[[ $REFUSAL_STATUS -eq 3 ]] || fail "a sweep without --combination exited $REFUSAL_STATUS; expected 3, as carecast's usage errors"
expect_refusal "numbered 0 to 1" "$WORKDIR/sweep.html" "$SWEEP" --combination 2 -o "$WORKDIR/sweep.html"
expect_refusal "applies to sweep files" "$WORKDIR/base-c.html" "$RESULT" --combination 0 -o "$WORKDIR/base-c.html"

echo "keep me" >"$WORKDIR/existing.html"
expect_refusal "existing.html" "$WORKDIR/existing.html" "$RESULT" -o "$WORKDIR/existing.html"
grep -qF -- "--force" "$WORKDIR/refusal.err" || fail "the refusal of an existing output does not mention --force"
[[ $(cat "$WORKDIR/existing.html") == "keep me" ]] || fail "an existing output was changed without --force"
$PYTHON "$REPORT" "$RESULT" -o "$WORKDIR/existing.html" --force >/dev/null || fail "--force did not overwrite"
grep -q "<svg" "$WORKDIR/existing.html" || fail "--force did not write the report"

before=$(sha256sum "$RESULT")
expect_refusal "base.h5" "$RESULT" "$RESULT" -o "$RESULT" --force
[[ $(sha256sum "$RESULT") == "$before" ]] || fail "the input file was changed when given as the output"
(cd "$WORKDIR" && $PYTHON "$REPORT" base.h5 -o ./base.h5 --force 2>/dev/null) && fail "./base.h5 as output of base.h5 was accepted"
[[ $(sha256sum "$RESULT") == "$before" ]] || fail "the input file was changed when given as the output"
no_partials

$PYTHON "$REPORT" --help >"$WORKDIR/help.txt" || fail "--help failed"
for word in RESULT --output --force --combination "Exit status" "90 %" docs/report.md; do
  grep -qF -- "$word" "$WORKDIR/help.txt" || fail "--help does not mention '$word'"
done

echo "PASS (report): $WORKDIR/base.html, $WORKDIR/rare.html, $WORKDIR/years.html, $WORKDIR/financial.html," \
  "$WORKDIR/fs.html, $WORKDIR/sweep-1.html"
