#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

BreakdownSpec read_breakdowns(const ConfigValue& value) {
  ConfigMap map = value.map();
  BreakdownSpec spec;
  if (auto factor = map.optional("prior_breakdown_factor")) spec.prior_breakdown_factor = factor->positive();
  if (auto cap = map.optional("prior_breakdown_cap")) spec.prior_breakdown_cap = static_cast<int>(cap->integer_in(0, 100));
  if (auto factor = map.optional("carer_initiated_factor")) spec.carer_initiated_factor = factor->non_negative();
  // A calibrated model file gives the estimated factor with its uncertainty and events.
  if (auto se = map.optional("se")) se->non_negative();
  if (auto interval = map.optional("ci95")) {
    std::vector<ConfigValue> ends = interval->list();
    if (ends.size() != 2 || ends[0].non_negative() > ends[1].number_or_infinity())
      interval->fail("expected [lower, upper] with lower <= upper");
  }
  if (auto events = map.optional("events")) events->integer_in(0, 1L << 52);
  map.reject_unknown();
  return spec;
}

}  // namespace carecast::models
