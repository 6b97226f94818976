#pragma once
// Reads and validates a scenario file (with its extends/include files and data tables).
// Throws InputError, located, at the first problem; nothing is run or written before that.
#include <filesystem>

#include "models/scenario/scenario.hpp"

namespace carecast::models {

Scenario read_scenario(const std::filesystem::path& file);

}  // namespace carecast::models
