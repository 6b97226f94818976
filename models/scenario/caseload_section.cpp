#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

CaseloadSpec read_caseload(const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  CaseloadSpec spec;
  spec.enabled = true;
  spec.weights.assign(scenario.states.size(), 1.0);
  if (auto weights = map.optional("weights")) spec.weights = read_state_amounts(*weights, scenario, 1.0);
  for (std::size_t s = 0; s < scenario.states.size(); ++s)
    if (scenario.states[s].kind == StateKind::exit) spec.weights[s] = 0.0;
  spec.norm = read_year_table(map.required("norm"), 0.0);
  if (auto staffing = map.optional("staffing")) spec.staffing = read_year_table(*staffing, 0.0);
  map.reject_unknown();
  return spec;
}

}  // namespace carecast::models
