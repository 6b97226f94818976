#pragma once
// Episode records for the `calibrate` and `backtest` end-to-end tests: one replicate of the known
// model tests/models/data/calibration/recovery.yaml (2020-2025, about 4,300 children, ages 0-17,
// entries 2 per 1000 a year at every age), written by `carecast run --episodes`.
#include <string>

#include "e2e_test_support.hpp"

namespace carecast::e2e {

inline fs::path calibration_data() { return source_dir() / "tests" / "models" / "data" / "calibration"; }
inline fs::path episode_data() { return source_dir() / "tests" / "models" / "data" / "episodes"; }
inline fs::path recovery_population() { return calibration_data() / "recovery_population.csv"; }

/// The arguments of `carecast run` that write the records to episodes.csv (and sim.h5).
inline std::string simulate_episodes() {
  return "run " + quoted((calibration_data() / "recovery.yaml").string()) +
         " -r 2 -q -o sim.h5 --episodes episodes.csv --episode-replicates 1";
}

}  // namespace carecast::e2e
