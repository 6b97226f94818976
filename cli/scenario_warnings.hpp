#pragma once
// Prints the warnings of scenarios (values that are valid but look mistaken) to standard error,
// each once, before a command goes on.
#include <vector>

#include "models/scenario/scenario.hpp"

namespace carecast::cli {

void print_scenario_warnings(const std::vector<const models::Scenario*>& scenarios);

}  // namespace carecast::cli
