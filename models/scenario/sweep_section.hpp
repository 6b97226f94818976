#pragma once
// The `sweep:` section of a scenario file: which values it varies, and the value of each in
// every combination. It has one of two forms:
//
//   sweep:                                      a grid: each key path with a list of values;
//     interventions.x.uptake: [0.1, 0.3, 0.5]   one combination per element of the cross
//     interventions.x.entry_rate.multiplier: [0.7, 0.9]   product, the first key varying
//                                               slowest (here 3 × 2 = 6 combinations)
//   sweep:                                      a list: one combination per item, each item
//     - {interventions.x.uptake: 0.1, interventions.x.cost.fixed_per_year: 1000000}
//     - {interventions.x.uptake: 0.5, interventions.x.cost.fixed_per_year: 3000000}
//
// Key paths are those of models/scenario/sweep_path.hpp. A value may be anything YAML allows
// (a number, a text, a list, a mapping such as {uniform: [0.3, 0.6]}); it replaces the value at
// its path whole.
#include <cstddef>
#include <string>
#include <vector>

#include "models/config/config_node.hpp"

namespace carecast::models {

/// A guard against a sweep that would run for days because of a slip in a list.
inline constexpr std::size_t max_sweep_combinations = 10000;

struct SweepKey {
  std::string path;                // as written, e.g. "interventions.x.uptake"
  std::vector<std::string> steps;  // {"interventions", "x", "uptake"}
  SourceLocation where;            // where the key path was written
};

struct SweepSection {
  std::vector<SweepKey> keys;
  std::vector<std::vector<ConfigNode>> combinations;  // [combination][key]: the value of each key
  bool grid = true;                                   // a grid, or a list of combinations
};

/// Reads and checks the section: its form, that every key path is well formed and addresses
/// neither `simulation` nor `states` (every combination runs on the same horizon, grid, seed,
/// replicates and states), that no two keys address the same value or one inside the other,
/// that every list of values has at least one, that every listed combination sets the same
/// keys, and that there are at most max_sweep_combinations. Throws a located InputError under
/// the key path `sweep...`. Whether the paths exist in the scenario is checked by the caller.
SweepSection read_sweep_section(const ConfigNode& sweep);

}  // namespace carecast::models
