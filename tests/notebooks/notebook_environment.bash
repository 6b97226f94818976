# Sourced by the notebook tests (not a test itself: CTest runs tests/notebooks/*.sh). Puts
# Debian's python first and checks what executing a notebook headless needs, with the caller's
# fail().
#
#   check_notebook_environment "h5py, matplotlib, yaml"   # Python modules the notebook imports
#
# Debian's python3 has h5py, matplotlib, PyYAML and the Jupyter stack; a pyenv python3 earlier on
# PATH may not.
export PATH=/usr/bin:$PATH
PYTHON=/usr/bin/python3
# Silence the debugger's warning about frozen modules, printed whenever ipykernel is imported.
export PYDEVD_DISABLE_FILE_VALIDATION=1

check_notebook_environment() {
  local modules="$1, nbformat, nbconvert, ipykernel"
  [[ -x $CARECAST ]] || fail "carecast executable '$CARECAST' does not exist or is not executable"
  [[ -f $NOTEBOOK ]] || fail "notebook '$NOTEBOOK' is missing"
  [[ -f $SCENARIO ]] || fail "scenario '$SCENARIO' is missing"
  command -v jupyter >/dev/null || fail "jupyter is not installed (Debian: jupyter-nbconvert)"
  $PYTHON -c "import $modules" 2>/dev/null ||
    fail "$PYTHON lacks one of $modules (Debian: python3-h5py, python3-matplotlib, python3-yaml, ...)"
  # The kernel must be Debian's python too. This Jupyter has no `kernelspec` subcommand, so ask
  # jupyter_client directly which interpreter the python3 kernel starts. A bare "python3" there
  # is replaced by the interpreter running jupyter, which is /usr/bin/python3 with the PATH above.
  local kernel_python
  kernel_python=$($PYTHON -c "
from jupyter_client.kernelspec import KernelSpecManager
print(KernelSpecManager().get_kernel_spec('python3').argv[0])") ||
    fail "no python3 Jupyter kernel found (Debian: python3-ipykernel)"
  [[ $kernel_python == "$PYTHON" || $kernel_python == python || $kernel_python == python3 ]] ||
    fail "the python3 Jupyter kernel runs '$kernel_python', not $PYTHON"
}
