#include "models/intervention_effects.hpp"

#include <algorithm>
#include <cmath>

namespace carecast::models {

namespace {

using engine::days_per_year;

engine::ArrivalRule rule_for(const InterventionSpec& spec, const engine::Calendar& calendar) {
  engine::ArrivalRule rule;
  rule.from = calendar.offset_of(spec.start);
  rule.until = calendar.offset_of(spec.end);
  rule.min_age = spec.ages.lower * days_per_year;
  rule.max_age = spec.ages.upper * days_per_year;
  return rule;
}

/// A multiplier acting on a box of ages × calendar times (days).
struct ScaledBox {
  double age_from, age_until, from, until, factor;
};

bool acts_on(const HazardEffect& effect, const HazardIdentity& hazard) {
  if (effect.to && *effect.to != hazard.to) return false;
  switch (effect.scope) {
    case HazardScope::all: return true;
    case HazardScope::breakdowns: return hazard.breakdown_cause.has_value();
    case HazardScope::carer_initiated_breakdowns:
      return hazard.breakdown_cause == BreakdownCause::carer_initiated;
  }
  return false;
}

std::vector<ScaledBox> boxes_acting_on(const HazardIdentity& hazard, const Scenario& scenario,
                                       const engine::Calendar& calendar, const InterventionValues& values) {
  std::vector<ScaledBox> boxes;
  const auto& list = scenario.interventions.list;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const InterventionSpec& spec = list[i];
    if (!spec.target_states[static_cast<std::size_t>(hazard.from)]) continue;
    for (std::size_t h = 0; h < spec.hazards.size(); ++h) {
      if (!acts_on(spec.hazards[h], hazard)) continue;
      double factor = 1.0 - values[i].uptake * (1.0 - values[i].hazard_multipliers[h]);
      boxes.push_back({spec.ages.lower * days_per_year, spec.ages.upper * days_per_year,
                       calendar.offset_of(spec.start), calendar.offset_of(spec.end), factor});
    }
  }
  return boxes;
}

/// How far a multiplier is from no effect (0 is the strongest of all).
double strength(double factor) { return factor <= 0.0 ? INFINITY : std::abs(std::log(factor)); }

std::vector<double> edges_of(const std::vector<ScaledBox>& boxes, double ScaledBox::*lower, double ScaledBox::*upper) {
  std::vector<double> edges;
  for (const ScaledBox& box : boxes) edges.insert(edges.end(), {box.*lower, box.*upper});
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

/// Splits overlapping boxes into disjoint ones, each with the strongest multiplier covering it.
std::vector<ScaledBox> strongest_boxes(const std::vector<ScaledBox>& boxes) {
  std::vector<double> ages = edges_of(boxes, &ScaledBox::age_from, &ScaledBox::age_until);
  std::vector<double> times = edges_of(boxes, &ScaledBox::from, &ScaledBox::until);
  std::vector<ScaledBox> disjoint;
  for (std::size_t a = 0; a + 1 < ages.size(); ++a)
    for (std::size_t t = 0; t + 1 < times.size(); ++t) {
      std::optional<double> factor;
      for (const ScaledBox& box : boxes)
        if (box.age_from <= ages[a] && ages[a] < box.age_until && box.from <= times[t] && times[t] < box.until &&
            (!factor || strength(box.factor) > strength(*factor)))
          factor = box.factor;
      if (factor) disjoint.push_back({ages[a], ages[a + 1], times[t], times[t + 1], *factor});
    }
  return disjoint;
}

}  // namespace

InterventionArrivalRules intervention_arrival_rules(const Scenario& scenario, const engine::Calendar& calendar,
                                                    const InterventionValues& values) {
  InterventionArrivalRules result;
  std::vector<engine::ArrivalRule> rules;
  const auto& list = scenario.interventions.list;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const InterventionSpec& spec = list[i];
    if (spec.entry_rate) {
      engine::ArrivalRule rule = rule_for(spec, calendar);
      rule.bound_for = spec.target_states;
      rule.reach = values[i].uptake;
      rule.divert_given_reached = 1.0 - values[i].entry_multiplier;
      rule.divert_to = spec.entry_rate->divert_to.value_or(engine::leaves_system);
      rule.key = parameter_identity(spec.name + "/entry_rate");
      rules.push_back(rule);
      result.owner.push_back(i);
    }
    if (spec.redirect) {
      engine::ArrivalRule rule = rule_for(spec, calendar);
      rule.bound_for.assign(scenario.states.size(), false);
      rule.bound_for[static_cast<std::size_t>(spec.redirect->from)] = true;
      rule.reach = values[i].uptake;
      rule.divert_given_reached = values[i].redirect_share;
      rule.divert_to = spec.redirect->to;
      rule.key = parameter_identity(spec.name + "/redirect");
      rules.push_back(rule);
      result.owner.push_back(i);
    }
  }
  auto combination = scenario.interventions.combine == EffectCombination::strongest
                         ? engine::RuleCombination::strongest
                         : engine::RuleCombination::multiply;
  result.rules = engine::ArrivalRules(std::move(rules), combination);
  return result;
}

engine::PiecewiseRate with_intervention_effects(engine::PiecewiseRate rate, const HazardIdentity& hazard,
                                                const Scenario& scenario, const engine::Calendar& calendar,
                                                const InterventionValues& values) {
  std::vector<ScaledBox> boxes = boxes_acting_on(hazard, scenario, calendar, values);
  if (scenario.interventions.combine == EffectCombination::strongest && boxes.size() > 1)
    boxes = strongest_boxes(boxes);
  for (const ScaledBox& box : boxes)
    if (box.factor != 1.0) rate = rate.scaled_within(box.age_from, box.age_until, box.from, box.until, box.factor);
  return rate;
}

}  // namespace carecast::models
