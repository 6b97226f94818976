#pragma once
// Reads and validates a scenario file (with its extends/include files and data tables).
// Throws InputError, located, at the first problem; nothing is run or written before that.
#include <filesystem>
#include <string>
#include <vector>

#include "models/config/config_node.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

/// Reads one scenario. A file with a `sweep:` section (not set to ~) is refused, at that key:
/// it describes several scenarios, which read_sweep (models/scenario/sweep_reader.hpp) reads.
Scenario read_scenario(const std::filesystem::path& file);

/// Reads a resolved tree (after extends and include, without a sweep section) loaded from
/// `file`; `scenario.path` is `file`, and the resolved text is the tree as YAML.
Scenario read_scenario_tree(const ConfigNode& root, const std::filesystem::path& file);

/// Lists in `scenario.input_files` the YAML files `loaded` (the scenario and every file it
/// extends or includes) and the data tables the scenario reads.
void record_input_files(Scenario& scenario, const std::vector<std::filesystem::path>& loaded);

/// SHA-256 in hex over the parts, one after the other (the scenario hash is of this kind).
std::string sha256_hex(const std::vector<std::string>& parts);

}  // namespace carecast::models
