#pragma once
// The numbers one replicate uses for each intervention: its uptake and effect multipliers,
// either the scenario's central values or this replicate's draws from their distributions.
// Draws are keyed by the replicate and the intervention's and parameter's names, so that two
// scenarios with the same intervention draw the same values for the same replicate.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/random_stream.hpp"
#include "models/scenario/intervention_spec.hpp"

namespace carecast::models {

struct InterventionDraw {
  double uptake = 0.0;
  double entry_multiplier = 1.0;
  double redirect_share = 0.0;
  std::vector<double> hazard_multipliers;  // one per hazard effect
};

using InterventionValues = std::vector<InterventionDraw>;  // one per intervention

InterventionValues central_values(const InterventionsSpec& spec);
InterventionValues draw_values(const InterventionsSpec& spec, engine::StreamKey key);
/// True if any intervention gives a number as a range or distribution.
bool has_uncertain_values(const InterventionsSpec& spec);
/// A stable 64-bit identity for a parameter's name, for keying its random draws: FNV-1a's
/// multiply-xor loop, but from the offset basis 1469598103934665603 (one digit shorter than the
/// standard 14695981039346656037), so it does not give FNV-1a's published values. It is kept as
/// it is because every parameter and entry-rule draw is keyed by it: changing it would change
/// every result of a scenario with interventions.
std::uint64_t parameter_identity(const std::string& name);

}  // namespace carecast::models
