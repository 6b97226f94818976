#include <cmath>

#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

bool BandedRate::has_standard_errors() const {
  for (double se : standard_errors)
    if (se > 0.0) return true;
  return false;
}

namespace {

/// The keys a calibrated model file writes next to a rate: its standard error (which parameter
/// uncertainty draws from) and, for the reader of the file, the interval, events and exposure.
double read_estimate_keys(ConfigMap& map) {
  if (auto interval = map.optional("ci95")) {
    std::vector<ConfigValue> ends = interval->list();
    if (ends.size() != 2) interval->fail("expected [lower, upper]");
    if (ends[0].non_negative() > ends[1].number_or_infinity()) interval->fail("expected lower <= upper");
  }
  if (auto events = map.optional("events")) events->integer_in(0, 1L << 52);
  if (auto exposure = map.optional("exposure_years")) exposure->non_negative();
  if (auto se = map.optional("se")) return se->non_negative();
  return 0.0;
}

}  // namespace

BandedRate read_banded_rate(const ConfigValue& value, BandAxes axes, const BandBox& domain,
                            const engine::Calendar& calendar, const char* value_key) {
  BandedRate rate;
  if (value.is_scalar()) {
    rate.boxes.push_back(domain);
    rate.values.push_back(value.non_negative());
    rate.standard_errors.push_back(0.0);
    return rate;
  }
  if (!value.is_list()) value.fail("expected a number or a list of bands");
  for (const ConfigValue& item : value.list()) {
    ConfigMap map = item.map();
    rate.boxes.push_back(read_band_box(map, axes, calendar));
    rate.values.push_back(map.required(value_key).non_negative());
    rate.standard_errors.push_back(read_estimate_keys(map));
    map.reject_unknown();
  }
  if (rate.boxes.empty()) value.fail("expected at least one band");
  check_tiling(rate.boxes, domain, value);
  return rate;
}

}  // namespace carecast::models
