#include <fmt/format.h>

#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

bool intersect(const std::vector<bool>& a, const std::vector<bool>& b) {
  for (std::size_t s = 0; s < a.size() && s < b.size(); ++s)
    if (a[s] && b[s]) return true;
  return false;
}

std::vector<bool> entry_targets(const InterventionSpec& spec) {
  std::vector<bool> bound_for(spec.target_states.size(), false);
  if (spec.entry_rate) bound_for = spec.target_states;
  if (spec.redirect) bound_for[static_cast<std::size_t>(spec.redirect->from)] = true;
  return bound_for;
}

bool same_transitions(const HazardEffect& a, const HazardEffect& b) {
  return !a.to || !b.to || *a.to == *b.to;
}

bool share_hazards(const InterventionSpec& a, const InterventionSpec& b) {
  if (!intersect(a.target_states, b.target_states)) return false;
  for (const HazardEffect& x : a.hazards)
    for (const HazardEffect& y : b.hazards)
      if (same_transitions(x, y)) return true;
  return false;
}

bool overlap_in_time_and_age(const InterventionSpec& a, const InterventionSpec& b) {
  return a.start < b.end && b.start < a.end && a.ages.lower < b.ages.upper && b.ages.lower < a.ages.upper;
}

}  // namespace

void check_intervention_overlaps(const InterventionsSpec& spec, const ConfigValue& section, const Scenario&) {
  if (spec.combine != EffectCombination::unspecified) return;
  ConfigMap map = section.map();
  for (std::size_t j = 0; j < spec.list.size(); ++j)
    for (std::size_t i = 0; i < j; ++i) {
      const InterventionSpec& a = spec.list[i];
      const InterventionSpec& b = spec.list[j];
      if (!overlap_in_time_and_age(a, b)) continue;
      bool entries = intersect(entry_targets(a), entry_targets(b));
      if (entries || share_hazards(a, b))
        map.fail_at_key(b.name, fmt::format("'{}' and '{}' act on the same {} for the same ages and dates; "
                                            "say how their effects combine with 'combine: multiply' or "
                                            "'combine: strongest' in the interventions section, or "
                                            "make their dates or ages not overlap",
                                            a.name, b.name, entries ? "entries" : "transitions"));
    }
}

}  // namespace carecast::models
