// An intervention that can reach no child is a mistake, not a policy: a window after the
// horizon (2062 for 2026), ages no child in care reaches, or a hazard effect on transitions the
// scenario does not have would give "no effect" in every comparison, with nothing said.
#include <fmt/format.h>

#include "engine/calendar.hpp"
#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

void check_window(const InterventionSpec& spec, const ConfigMap& map, const Scenario& scenario) {
  engine::Date first = scenario.simulation.start;
  engine::Date end = horizon_date(scenario.simulation);
  if (spec.start >= end)
    map.fail_at_key("start", fmt::format("the intervention starts on {}, when the simulation has ended ({}); it "
                                         "would reach no child",
                                         engine::format_iso_date(spec.start), engine::format_iso_date(end)));
  if (spec.end <= first)
    map.fail_at_key("end", fmt::format("the intervention ends on {}, before the simulation starts ({}); it "
                                       "would reach no child",
                                       engine::format_iso_date(spec.end), engine::format_iso_date(first)));
}

void check_ages(const InterventionSpec& spec, const ConfigMap& map, const Scenario& scenario) {
  if (spec.ages.lower < scenario.ageing_out.age) return;
  map.fail_at_key("ages", fmt::format("the intervention's ages start at {:g}, but children leave care at {:g} "
                                      "(ageing_out.age); it would reach no child",
                                      spec.ages.lower, scenario.ageing_out.age));
}

bool effect_applies_to(const HazardEffect& effect, const TransitionSpec& transition) {
  if (effect.to && *effect.to != transition.to) return false;
  switch (effect.scope) {
    case HazardScope::all: return true;
    case HazardScope::breakdowns: return transition.breakdown;
    case HazardScope::carer_initiated_breakdowns: return transition.breakdown && transition.cause_shares[0] > 0.0;
  }
  return false;
}

bool effect_applies(const HazardEffect& effect, const InterventionSpec& spec, const Scenario& scenario) {
  for (const TransitionSpec& transition : scenario.transitions)
    if (spec.target_states[static_cast<std::size_t>(transition.from)] && effect_applies_to(effect, transition))
      return true;
  return false;
}

std::string target_state_names(const InterventionSpec& spec, const Scenario& scenario) {
  std::string names;
  for (std::size_t s = 0; s < spec.target_states.size(); ++s)
    if (spec.target_states[s]) names += (names.empty() ? "" : ", ") + scenario.states[s].name;
  return names;
}

void check_hazard_effects(const InterventionSpec& spec, const ConfigMap& map, const Scenario& scenario) {
  if (spec.hazards.empty()) return;
  std::vector<ConfigValue> items = map.required("hazards").list();
  for (std::size_t h = 0; h < spec.hazards.size() && h < items.size(); ++h) {
    const HazardEffect& effect = spec.hazards[h];
    if (effect_applies(effect, spec, scenario)) continue;
    std::string which = effect.scope == HazardScope::all                ? "transition"
                        : effect.scope == HazardScope::breakdowns ? "breakdown"
                                                                  : "carer-initiated breakdown";
    std::string into = effect.to ? fmt::format(" to '{}'", scenario.states[static_cast<std::size_t>(*effect.to)].name) : "";
    items[h].fail(fmt::format("the scenario has no {} from the intervention's states ({}){}; this effect would "
                              "change nothing",
                              which, target_state_names(spec, scenario), into));
  }
}

}  // namespace

void check_intervention_reach(const InterventionSpec& spec, const ConfigMap& map, const Scenario& scenario) {
  check_window(spec, map, scenario);
  check_ages(spec, map, scenario);
  check_hazard_effects(spec, map, scenario);
}

}  // namespace carecast::models
