#pragma once
// Named, time-bounded early interventions (scenario levers), as the scenario states them.
// An intervention reaches a share (`uptake`) of a target group (ages, states, dates) and acts
// on those it reaches through its effects; each effect's multiplier is an assumption and may be
// a range or a distribution. It carries its own cost. What the effects mean exactly:
//   entry_rate        arrivals of the target ages bound for the target states: a reached
//                     arrival enters with probability `multiplier`; otherwise it is diverted
//                     to `divert_to`, or, without one, stays out of care.
//   redirect          arrivals bound for `from` are placed in `to` instead, with probability
//                     `share` among those reached (e.g. kinship first).
//   hazards           transitions out of the target states (optionally only into `to`, only
//                     breakdowns, or only carer-initiated ones) multiplied by
//                     1 − uptake × (1 − multiplier) for the target ages and dates.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.hpp"
#include "models/scenario/band_box.hpp"
#include "models/scenario/uncertain_value.hpp"

namespace carecast::models {

enum class HazardScope { all, breakdowns, carer_initiated_breakdowns };

struct HazardEffect {
  std::optional<int> to;  // only transitions into this state
  HazardScope scope = HazardScope::all;
  UncertainValue multiplier;
};

struct EntryEffect {
  UncertainValue multiplier;
  std::optional<int> divert_to;
};

struct RedirectEffect {
  int from = 0;
  int to = 0;
  UncertainValue share;
};

struct InterventionCost {
  double per_participant = 0.0;       // once per child reached
  double per_participant_year = 0.0;  // per year a reached child spends in the target group
  double fixed_per_year = 0.0;        // while the intervention runs, pro rata
};

struct InterventionSpec {
  std::string name;
  std::string description;
  engine::Date start{}, end{};  // acts on [start, end)
  Interval ages{0.0, 1e9};      // target ages in years
  std::vector<bool> target_states;  // by state: where reached children are (arrivals: their first state)
  UncertainValue uptake;
  std::optional<EntryEffect> entry_rate;
  std::optional<RedirectEffect> redirect;
  std::vector<HazardEffect> hazards;
  InterventionCost cost;
};

/// How interventions acting on the same rate at the same time combine.
enum class EffectCombination { unspecified, multiply, strongest };

struct InterventionsSpec {
  EffectCombination combine = EffectCombination::unspecified;
  std::vector<InterventionSpec> list;
};

std::string combination_name(EffectCombination combination);

}  // namespace carecast::models
