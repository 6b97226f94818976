#!/usr/bin/env bash
# Executes notebooks/calibration.ipynb headless: it simulates episodes from
# tests/models/data/calibration/recovery.yaml, calibrates them with `carecast calibrate`, plots
# the fitted hazards against the true ones and back-tests with `carecast backtest`. Checks that
# every cell ran without errors, that both charts were drawn, that the model file and the
# back-test file were written, and that the figures the notebook reports are sane.
#
# Usage: bash tests/notebooks/calibration.sh /path/to/carecast /path/to/workdir
# (CTest runs it so; see tests/CMakeLists.txt.) Everything is written under
# /path/to/workdir/calibration.
set -euo pipefail

fail() {
  echo "FAIL (notebook calibration): $*" >&2
  exit 1
}

[[ $# -eq 2 ]] || fail "usage: bash $0 /path/to/carecast /path/to/workdir"
CARECAST=$(realpath -ms -- "$1")   # absolute: the notebook runs in notebooks/
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NOTEBOOK=$REPO/notebooks/calibration.ipynb
SCENARIO=$REPO/tests/models/data/calibration/recovery.yaml

source "$REPO/tests/notebooks/notebook_environment.bash"
check_notebook_environment "h5py, matplotlib, yaml"

mkdir -p "$2/calibration"
WORKDIR=$(cd "$2/calibration" && pwd)
OUTPUTS=$WORKDIR/outputs
EXECUTED=$WORKDIR/calibration.ipynb
LOG=$WORKDIR/calibration.nbconvert.log
rm -rf "$OUTPUTS" "$EXECUTED" "$LOG"   # so that stale files cannot pass

# Keep Jupyter and matplotlib from writing into the home directory.
export JUPYTER_RUNTIME_DIR=$WORKDIR/jupyter-runtime
export IPYTHONDIR=$WORKDIR/ipython
export MPLCONFIGDIR=$WORKDIR/matplotlib

echo "== jupyter nbconvert --execute $NOTEBOOK"
start=$(date +%s)
if ! CARECAST=$CARECAST CARECAST_WORKDIR=$OUTPUTS CARECAST_SCENARIO=$SCENARIO CARECAST_REPO=$REPO \
  timeout 300 jupyter nbconvert --to notebook --execute \
  --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=180 \
  --output-dir "$WORKDIR" "$NOTEBOOK" >"$LOG" 2>&1; then
  cat "$LOG" >&2
  fail "executing the notebook failed; log above and in $LOG"
fi
echo "   $(($(date +%s) - start)) s"
[[ -f $EXECUTED ]] || fail "nbconvert did not write the executed notebook $EXECUTED"

echo "== checking the executed notebook, the charts and the files"
$PYTHON - "$NOTEBOOK" "$EXECUTED" "$OUTPUTS" <<'PY' || fail "checks failed; see above"
import json
import sys
from pathlib import Path

import h5py
import matplotlib
matplotlib.use("Agg")
import matplotlib.image
import nbformat
import numpy as np
import yaml

stored_path, executed_path, outputs = sys.argv[1:]
outputs = Path(outputs)
problems = []

# The notebook in the repository is kept without outputs.
stored = nbformat.read(stored_path, as_version=4)
for i, cell in enumerate(stored.cells):
    if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
        problems.append(f"{stored_path}: cell {i} has stored outputs; clear outputs before saving")

# Every code cell of the executed notebook ran, and none raised.
executed = nbformat.read(executed_path, as_version=4)
text = ""
images = 0
for i, cell in enumerate(executed.cells):
    if cell.cell_type != "code":
        continue
    if cell.execution_count is None:
        problems.append(f"cell {i} was not executed")
    for output in cell.outputs:
        if output.output_type == "error":
            problems.append(f"cell {i} raised {output.ename}: {output.evalue}")
        text += output.get("text", "")
        images += output.output_type == "display_data" and "image/png" in output.get("data", {})
if images < 2:
    problems.append(f"the notebook showed {images} images; expected 2 (hazards, back-test)")
for expected in ["$ carecast run", "$ carecast calibrate", "$ carecast backtest", "intervals cover",
                 "inside 90 %"]:
    if expected not in text:
        problems.append(f"the notebook's output does not contain '{expected}'")

# The files the notebook wrote.
summary_path = outputs / "calibration_summary.json"
if not summary_path.is_file():
    problems.append(f"no summary {summary_path}")
    summary = {}
else:
    summary = json.loads(summary_path.read_text())
model_path = outputs / "model.yaml"
if not model_path.is_file():
    problems.append(f"no model file {model_path}")
else:
    model = yaml.safe_load(model_path.read_text())
    pairs = {(t["from"], t["to"]) for t in model.get("transitions", [])}
    want = {("foster", "home"), ("foster", "residential"), ("residential", "foster"), ("residential", "home")}
    if pairs != want:
        problems.append(f"model file transitions {sorted(pairs)}; expected {sorted(want)}")
backtest_path = outputs / "backtest.h5"
if not backtest_path.is_file():
    problems.append(f"no back-test file {backtest_path}")
else:
    with h5py.File(backtest_path, "r") as f:
        if f.attrs.get("kind") != "backtest":
            problems.append(f"{backtest_path} is not a back-test file")
        if f["backtest/observed"].shape[0] < 40:
            problems.append(f"the back-test compares only {f['backtest/observed'].shape[0]} months")

# Sanity of the figures (the run is seeded, so these are fixed for one engine; the bounds are
# wide enough to hold for any seed but a bad one): of the 32 hazards about 95 % of the 95 %
# intervals cover the truth (expected 30.4, sd about 1.2), and before the 2023 change the
# back-test's 90 % intervals hold most months.
if summary:
    if summary.get("hazards") != 32:
        problems.append(f"{summary.get('hazards')} hazards compared with the truth; expected 32")
    elif summary["hazards_covered"] < 26:
        problems.append(f"only {summary['hazards_covered']} of 32 95 % intervals cover the true hazard")
    if summary.get("backtest_coverage90_before_change", 0) < 0.6:
        problems.append(f"the back-test's 90 % intervals hold only "
                        f"{summary.get('backtest_coverage90_before_change')} of the months before 2023")

# The charts exist, are not tiny, and are not blank canvases.
for name in ["calibration_hazards.png", "backtest_stock.png"]:
    png = outputs / name
    if not png.is_file():
        problems.append(f"the chart {png} was not written")
        continue
    size = png.stat().st_size
    pixels = matplotlib.image.imread(png)
    colours = np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)
    if size <= 10_000:
        problems.append(f"the chart {png} has only {size} bytes")
    elif pixels.ndim != 3 or min(pixels.shape[:2]) < 200:
        problems.append(f"the chart {png} has an unexpected shape {pixels.shape}")
    elif np.ptp(pixels) == 0 or len(colours) < 10:
        problems.append(f"the chart {png} is (nearly) uniform: {len(colours)} distinct colours")
    else:
        print(f"chart {png}: {size} bytes, {pixels.shape[1]}x{pixels.shape[0]} px, {len(colours)} distinct colours")
if summary:
    print(f"{summary['hazards_covered']} of {summary['hazards']} hazard intervals cover the truth; "
          f"back-test coverage 50 % {summary['backtest_coverage50']:.2f}, 90 % {summary['backtest_coverage90']:.2f}")

for problem in problems:
    print("  -", problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

echo "PASS (notebook calibration): executed notebook $EXECUTED, outputs in $OUTPUTS"
