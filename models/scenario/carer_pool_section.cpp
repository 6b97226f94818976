#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

int read_placement(const ConfigValue& value, const Scenario& scenario) {
  int state = resolve_state(value, scenario);
  if (scenario.states[static_cast<std::size_t>(state)].kind != StateKind::placement)
    value.fail("expected a state of kind placement");
  return state;
}

}  // namespace

CarerPoolSpec read_carer_pool(const ConfigValue& value, const Scenario& scenario) {
  ConfigMap map = value.map();
  CarerPoolSpec spec;
  spec.enabled = true;
  spec.state = read_placement(map.required("state"), scenario);
  ConfigValue fallback = map.required("fallback");
  spec.fallback = read_placement(fallback, scenario);
  if (spec.fallback == spec.state) fallback.fail("the fallback must be another placement than the pool's state");
  spec.families = map.required("families").integer_in(0, 10000000);
  spec.recruitment_per_year = map.required("recruitment_per_year").non_negative();
  spec.attrition_per_year = map.required("attrition_per_year").non_negative();
  spec.attrition_after_carer_breakdown = map.has("attrition_after_carer_breakdown")
                                             ? map.required("attrition_after_carer_breakdown").non_negative()
                                             : spec.attrition_per_year;
  if (auto back = map.optional("return_from_fallback")) spec.return_from_fallback = back->flag();
  map.reject_unknown();
  return spec;
}

}  // namespace carecast::models
