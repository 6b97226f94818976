#pragma once
// Reads a scenario file that may sweep values (a `sweep:` section, see sweep_section.hpp) into
// every combination's scenario. Every key path must address a value the resolved scenario sets
// (after extends and include), and every combination is read and validated before this returns,
// so that a run never starts on a sweep with a bad combination.
#include <filesystem>

#include "models/scenario/sweep_definition.hpp"

namespace carecast::models {

/// A file without `sweep:` (or with `sweep: ~`) gives one combination without keys: the scenario
/// read_scenario reads. Throws a located InputError at the first problem: in the sweep section,
/// a key path that the scenario does not have (at the key, with a suggestion), or a problem in a
/// combination (its message starts "in sweep combination I (key = value, ...)", and it names the
/// scenario key path as read_scenario does).
Sweep read_sweep(const std::filesystem::path& file);

}  // namespace carecast::models
