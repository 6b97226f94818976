#pragma once
// Prints the warnings of scenarios (values that are valid but look mistaken) to standard error,
// each once, before a command goes on.
#include <vector>

#include "models/scenario/scenario.hpp"
#include "models/scenario/sweep_definition.hpp"

namespace carecast::cli {

/// Every combination's warnings (most are shared, and printed once).
void print_scenario_warnings(const models::Sweep& sweep);
void print_scenario_warnings(const std::vector<models::Scenario>& scenarios);

}  // namespace carecast::cli
