#!/usr/bin/env bash
# carecast quick start. Installs what is missing (Debian 12, as root), builds, then:
#   bash bootstrap.sh baseline   runs the baseline scenario and prints its summary
#   bash bootstrap.sh test       runs the whole test suite
#   bash bootstrap.sh build      only builds
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  cmake ninja-build g++ git pkg-config
  libeigen3-dev libboost-dev librandom123-dev libtbb-dev libhdf5-dev hdf5-tools
  libcli11-dev libyaml-cpp-dev libfmt-dev libfccp-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev libopenmpi-dev openmpi-bin
  python3 python3-h5py python3-numpy python3-matplotlib python3-yaml python3-nbformat python3-nbconvert
  python3-ipykernel jupyter-nbconvert
)
BUILD_DIR=${CARECAST_BUILD_DIR:-build}

install_missing_packages() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$BUILD_DIR"
}

run_baseline() {
  mkdir -p results
  "$BUILD_DIR/cli/carecast" run scenarios/baseline.yaml -o results/baseline.h5 --force
}

run_tests() {
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" --timeout 900
}

main() {
  local action=${1:-baseline}
  case "$action" in
    baseline|test|build) ;;
    *) echo "usage: bash bootstrap.sh [baseline|test|build]" >&2; exit 3 ;;
  esac
  install_missing_packages
  build
  case "$action" in
    baseline) run_baseline ;;
    test) run_tests ;;
  esac
}

main "$@"
