#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

BreakdownSpec read_breakdowns(const ConfigValue& value) {
  ConfigMap map = value.map();
  BreakdownSpec spec;
  if (auto factor = map.optional("prior_breakdown_factor")) spec.prior_breakdown_factor = factor->positive();
  if (auto cap = map.optional("prior_breakdown_cap")) spec.prior_breakdown_cap = static_cast<int>(cap->integer_in(0, 100));
  if (auto factor = map.optional("carer_initiated_factor")) spec.carer_initiated_factor = factor->non_negative();
  map.reject_unknown();
  return spec;
}

}  // namespace carecast::models
