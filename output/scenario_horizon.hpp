#pragma once
// The horizon of a simulation read back from its resolved scenario (a scenario_text attribute):
// for a file that does not store where its last reporting year ends (a comparison file of schema
// 1.1 or older). The horizon is simulation.end when the scenario gives it, else the start moved
// on by simulation.years whole years, as carecast computes it (docs/scenario-reference.md,
// simulation).
#include <optional>
#include <string>

namespace carecast::output {

/// The horizon (ISO date) of the scenario `scenario_text` simulated from `start` (ISO); nothing if
/// the text is not YAML or gives neither a date simulation.end nor a whole number simulation.years.
/// Throws nothing.
std::optional<std::string> horizon_of_scenario(const std::string& scenario_text, const std::string& start);

}  // namespace carecast::output
