#include <fmt/format.h>

#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

Interval read_target_ages(const ConfigValue& value) {
  auto ends = value.list();
  if (ends.size() != 2) value.fail("expected [from age, to age) in years, e.g. [12, 18]");
  Interval ages{ends[0].non_negative(), ends[1].number_or_infinity()};  // [12, .inf]: to ageing out
  if (ages.upper <= ages.lower) value.fail("expected the first age below the second");
  return ages;
}

std::vector<bool> read_target_states(const std::optional<ConfigValue>& value, const Scenario& scenario) {
  std::vector<bool> targets(scenario.states.size(), false);
  if (!value) {
    for (std::size_t s = 0; s < targets.size(); ++s) targets[s] = !scenario.is_exit(static_cast<int>(s));
    return targets;
  }
  for (const ConfigValue& item : value->list()) {
    int state = resolve_state(item, scenario);
    if (scenario.is_exit(state)) item.fail("an intervention's target states must be states in which children are followed, not exit states");
    targets[static_cast<std::size_t>(state)] = true;
  }
  return targets;
}

EntryEffect read_entry_effect(const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  EntryEffect effect;
  effect.multiplier = read_uncertain_value(
      map.required("multiplier"), {0.0, 1.0, "a multiplier between 0 and 1 (an intervention can only prevent entries)"});
  if (auto divert = map.optional("divert_to")) {
    effect.divert_to = resolve_state(*divert, scenario);
    if (scenario.is_exit(*effect.divert_to)) divert->fail("expected a state in which children are followed, not an exit state");
  }
  map.reject_unknown();
  return effect;
}

RedirectEffect read_redirect(const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  RedirectEffect effect;
  effect.from = resolve_state(map.required("from"), scenario);
  ConfigValue to = map.required("to");
  effect.to = resolve_state(to, scenario);
  if (effect.to == effect.from) to.fail("expected a state other than 'from'");
  if (scenario.is_exit(effect.to)) to.fail("expected a state in which children are followed, not an exit state");
  effect.share = read_uncertain_value(map.required("share"), probability_range);
  map.reject_unknown();
  return effect;
}

HazardScope read_scope(const ConfigValue& value) {
  std::string scope = value.text();
  if (scope == "all") return HazardScope::breakdowns;
  if (scope == "carer_initiated") return HazardScope::carer_initiated_breakdowns;
  value.fail("expected all or carer_initiated, found '" + scope + "'");
}

HazardEffect read_hazard_effect(const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  HazardEffect effect;
  if (auto to = map.optional("to")) effect.to = resolve_state(*to, scenario);
  if (auto breakdowns = map.optional("breakdowns")) effect.scope = read_scope(*breakdowns);
  effect.multiplier = read_uncertain_value(map.required("multiplier"), multiplier_range);
  map.reject_unknown();
  return effect;
}

InterventionCost read_intervention_cost(const ConfigValue& value) {
  ConfigMap map = value.map();
  InterventionCost cost;
  if (auto amount = map.optional("per_participant")) cost.per_participant = read_money_amount(*amount);
  if (auto amount = map.optional("per_participant_year")) cost.per_participant_year = read_money_amount(*amount);
  if (auto amount = map.optional("fixed_per_year")) cost.fixed_per_year = read_money_amount(*amount);
  map.reject_unknown();
  return cost;
}

void read_effects(const ConfigMap& map, InterventionSpec& spec, const Scenario& scenario) {
  if (auto entry = map.optional("entry_rate")) spec.entry_rate = read_entry_effect(*entry, scenario);
  if (auto redirect = map.optional("redirect")) spec.redirect = read_redirect(*redirect, scenario);
  if (auto hazards = map.optional("hazards"))
    for (const ConfigValue& item : hazards->list()) spec.hazards.push_back(read_hazard_effect(item, scenario));
}

InterventionSpec read_intervention(const std::string& name, const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  InterventionSpec spec;
  spec.name = name;
  if (auto description = map.optional("description")) spec.description = description->text();
  spec.start = map.required("start").date();
  ConfigValue end = map.required("end");
  spec.end = end.date();
  if (!(spec.start < spec.end)) end.fail("expected an end date after the start date");
  if (auto ages = map.optional("ages")) spec.ages = read_target_ages(*ages);
  spec.target_states = read_target_states(map.optional("states"), scenario);
  spec.uptake = read_uncertain_value(map.required("uptake"), probability_range);
  read_effects(map, spec, scenario);
  auto cost = map.optional("cost");
  if (cost) spec.cost = read_intervention_cost(*cost);
  // A lever set elsewhere (a recruitment rate, a caseload norm) may be an intervention with a cost only.
  if (!spec.entry_rate && !spec.redirect && spec.hazards.empty() && !cost)
    map.fail("an intervention needs at least one effect (entry_rate, redirect, hazards) or a cost");
  map.reject_unknown();
  check_intervention_reach(spec, map, scenario);
  return spec;
}

EffectCombination read_combination(const ConfigValue& value) {
  std::string rule = value.text();
  if (rule == "multiply") return EffectCombination::multiply;
  if (rule == "strongest") return EffectCombination::strongest;
  value.fail("expected multiply or strongest, found '" + rule + "'");
}

}  // namespace

InterventionsSpec read_interventions(const ConfigValue& value, const Scenario& scenario) {
  InterventionsSpec spec;
  for (const auto& [key, item] : value.map().entries()) {
    if (key == "combine")
      spec.combine = read_combination(item);
    else if (!item.is_null())  // an intervention set to ~ is dropped (e.g. one inherited through extends)
      spec.list.push_back(read_intervention(key, item, scenario));
  }
  check_intervention_overlaps(spec, value, scenario);
  return spec;
}

}  // namespace carecast::models

namespace carecast::models {

std::string combination_name(EffectCombination combination) {
  switch (combination) {
    case EffectCombination::multiply: return "multiply";
    case EffectCombination::strongest: return "strongest";
    case EffectCombination::unspecified: break;
  }
  return "none";
}

}  // namespace carecast::models
