#pragma once
// Turns a scenario's interventions, with one replicate's values, into the engine's terms: rules
// that act on arrivals (entry_rate, redirect), and multipliers on transition hazards over the
// target ages and dates (hazards). Interventions acting on the same hazard at the same time
// combine as the scenario says: their multipliers multiply, or the strongest applies.
#include <cstddef>
#include <optional>
#include <vector>

#include "engine/arrival_rule.hpp"
#include "engine/calendar.hpp"
#include "engine/piecewise_rate.hpp"
#include "models/intervention_values.hpp"
#include "models/scenario/scenario.hpp"

namespace carecast::models {

/// The arrival rules, and for each rule the index of the intervention it belongs to.
struct InterventionArrivalRules {
  engine::ArrivalRules rules;
  std::vector<std::size_t> owner;
};

InterventionArrivalRules intervention_arrival_rules(const Scenario& scenario, const engine::Calendar& calendar,
                                                    const InterventionValues& values);

/// Which hazard a per-day rate is: the transition from → to, and for a breakdown its cause.
struct HazardIdentity {
  int from = 0;
  int to = 0;
  std::optional<BreakdownCause> breakdown_cause;
};

engine::PiecewiseRate with_intervention_effects(engine::PiecewiseRate rate, const HazardIdentity& hazard,
                                                const Scenario& scenario, const engine::Calendar& calendar,
                                                const InterventionValues& values);

}  // namespace carecast::models
