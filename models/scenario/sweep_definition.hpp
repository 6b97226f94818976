#pragma once
// A scenario file read as a sweep: the key paths it varies, and for each combination the values
// and the complete, validated scenario they give. A file without `sweep:` is a sweep of one
// combination with no keys.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "models/config/input_error.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

struct SweepCombination {
  std::vector<std::string> values;              // each key's value, as YAML in flow style ("0.1")
  std::vector<std::optional<double>> numbers;   // the value as a number, where it is one
  Scenario scenario;                            // the scenario with these values in place
};

struct Sweep {
  std::string path;           // the file as given
  std::string resolved_text;  // the file after extends and include, its sweep section included
  std::string sha256;         // of resolved_text, then of each combination's sha256 in order
  SourceLocation where;       // where the `sweep` key is written
  std::vector<std::string> keys;  // the key paths varied, as written; empty if not a sweep
  bool grid = true;               // a grid of the keys' values, or a list of combinations
  std::vector<SweepCombination> combinations;

  bool is_sweep() const { return !keys.empty(); }
  /// "uptake = 0.1, multiplier = 0.7", with the labels of short_key_labels.
  std::string describe(std::size_t combination) const;
};

/// A short name for each key path: its last step, or as many last steps as it takes to tell it
/// from the other keys ("uptake", "entry_rate.multiplier"; "3.hazard" for "transitions[3].hazard"
/// next to "transitions[5].hazard").
std::vector<std::string> short_key_labels(const std::vector<std::string>& keys);

/// "uptake = 0.1, multiplier = 0.7": each key's short label and its value.
std::string describe_values(const std::vector<std::string>& keys, const std::vector<std::string>& values);

/// `error`, at the same place, as a problem of one combination: "in sweep combination I
/// (uptake = 0.1, ...): <problem>".
InputError in_combination(const InputError& error, std::size_t index, const std::vector<std::string>& keys,
                          const std::vector<std::string>& values);

}  // namespace carecast::models
