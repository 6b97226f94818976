#!/usr/bin/env bash
# Executes notebooks/fan_chart.ipynb headless against a fresh 20-replicate baseline result and
# checks that it ran without errors and drew a real chart.
#
# Usage: bash tests/notebooks/fan_chart.sh /path/to/carecast /path/to/workdir
# (CTest runs it so; see tests/CMakeLists.txt.)
set -euo pipefail

fail() {
  echo "FAIL (notebook fan_chart): $*" >&2
  exit 1
}

[[ $# -eq 2 ]] || fail "usage: bash $0 /path/to/carecast /path/to/workdir"
CARECAST=$1
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NOTEBOOK=$REPO/notebooks/fan_chart.ipynb
SCENARIO=$REPO/scenarios/baseline.yaml

source "$REPO/tests/notebooks/notebook_environment.bash"
check_notebook_environment "h5py, matplotlib"

mkdir -p "$2"
WORKDIR=$(cd "$2" && pwd)
RESULT=$WORKDIR/baseline.h5
FIGURES=$WORKDIR/figures
EXECUTED=$WORKDIR/fan_chart.ipynb
PNG=$FIGURES/stock_fan_chart.png
LOG=$WORKDIR/fan_chart.nbconvert.log
rm -rf "$FIGURES" "$EXECUTED" "$LOG"   # so that a stale chart cannot pass

# Keep Jupyter and matplotlib from writing into the home directory.
export JUPYTER_RUNTIME_DIR=$WORKDIR/jupyter-runtime
export IPYTHONDIR=$WORKDIR/ipython
export MPLCONFIGDIR=$WORKDIR/matplotlib

echo "== carecast run (20 replicates) -> $RESULT"
timeout 300 "$CARECAST" run "$SCENARIO" --replicates 20 -o "$RESULT" --force --quiet ||
  fail "carecast run failed (exit $?)"
[[ -s $RESULT ]] || fail "carecast run did not write $RESULT"

echo "== jupyter nbconvert --execute $NOTEBOOK"
if ! CARECAST_RESULT=$RESULT CARECAST_FIGURES=$FIGURES timeout 300 \
  jupyter nbconvert --to notebook --execute \
  --ExecutePreprocessor.kernel_name=python3 --ExecutePreprocessor.timeout=180 \
  --output-dir "$WORKDIR" "$NOTEBOOK" >"$LOG" 2>&1; then
  cat "$LOG" >&2
  fail "executing the notebook failed; log above and in $LOG"
fi
[[ -f $EXECUTED ]] || fail "nbconvert did not write the executed notebook $EXECUTED"

echo "== checking the executed notebook and the chart"
$PYTHON - "$NOTEBOOK" "$EXECUTED" "$PNG" "$RESULT" <<'EOF' || fail "checks failed; see above"
import sys
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.image
import nbformat
import numpy as np

stored_path, executed_path, png_path, result_path = sys.argv[1:]
problems = []

# The notebook in the repository is kept without outputs.
stored = nbformat.read(stored_path, as_version=4)
for i, cell in enumerate(stored.cells):
    if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None):
        problems.append(f"{stored_path}: cell {i} has stored outputs; clear outputs before saving")

# Every code cell of the executed notebook ran, and none raised.
executed = nbformat.read(executed_path, as_version=4)
code_cells = [c for c in executed.cells if c.cell_type == "code"]
text = ""
for i, cell in enumerate(executed.cells):
    if cell.cell_type != "code":
        continue
    if cell.execution_count is None:
        problems.append(f"cell {i} was not executed")
    for output in cell.outputs:
        if output.output_type == "error":
            problems.append(f"cell {i} raised {output.ename}: {output.evalue}")
        text += output.get("text", "")
if not any(o.output_type == "display_data" and "image/png" in o.get("data", {})
           for c in code_cells for o in c.outputs):
    problems.append("the notebook showed no image")
if result_path not in text:
    problems.append(f"the notebook's output does not mention the result file {result_path}")

# The chart exists, is not tiny, and is not a blank canvas.
png = Path(png_path)
if not png.is_file():
    problems.append(f"the chart {png} was not written")
else:
    size = png.stat().st_size
    if size <= 10_000:
        problems.append(f"the chart {png} has only {size} bytes")
    pixels = matplotlib.image.imread(png)
    colours = np.unique(pixels.reshape(-1, pixels.shape[-1]), axis=0)
    if pixels.ndim != 3 or min(pixels.shape[:2]) < 200:
        problems.append(f"the chart {png} has an unexpected shape {pixels.shape}")
    elif np.ptp(pixels) == 0 or len(colours) < 10:
        problems.append(f"the chart {png} is (nearly) uniform: {len(colours)} distinct colours")
    else:
        print(f"chart {png}: {size} bytes, {pixels.shape[1]}x{pixels.shape[0]} px, "
              f"{len(colours)} distinct colours")

for problem in problems:
    print("  -", problem, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF

echo "PASS (notebook fan_chart): executed notebook $EXECUTED, chart $PNG"
