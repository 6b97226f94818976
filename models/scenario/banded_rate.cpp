#include <cmath>

#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

BandedRate read_banded_rate(const ConfigValue& value, BandAxes axes, const BandBox& domain,
                            const engine::Calendar& calendar, const char* value_key) {
  BandedRate rate;
  if (value.is_scalar()) {
    rate.boxes.push_back(domain);
    rate.values.push_back(value.non_negative());
    return rate;
  }
  if (!value.is_list()) value.fail("expected a number or a list of bands");
  for (const ConfigValue& item : value.list()) {
    ConfigMap map = item.map();
    rate.boxes.push_back(read_band_box(map, axes, calendar));
    rate.values.push_back(map.required(value_key).non_negative());
    map.reject_unknown();
  }
  if (rate.boxes.empty()) value.fail("expected at least one band");
  check_tiling(rate.boxes, domain, value);
  return rate;
}

}  // namespace carecast::models
