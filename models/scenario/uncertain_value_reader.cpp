#include <fmt/format.h>

#include <cmath>

#include "models/scenario/scenario_sections.hpp"

namespace carecast::models {

namespace {

void check_within(const ConfigValue& value, double x, const ValueRange& range) {
  if (!(x >= range.floor && x <= range.ceiling))
    value.fail(fmt::format("expected {}, found '{:g}'", range.what, x));
}

UncertainValue read_distribution(const ConfigValue& value, const ValueRange& range) {
  ConfigMap map = value.map();
  auto entries = map.entries();
  const std::string expected =
      "expected a number, or one of {uniform: [low, high]}, {triangular: [low, mode, high]}, "
      "{normal: {mean: m, sd: s}}";
  if (entries.empty()) value.fail(expected);
  if (entries.size() > 1) {
    std::vector<std::string> laws;
    for (const auto& entry : entries) laws.push_back(entry.first);
    map.fail_together(laws, expected + ", one distribution only");
  }
  const auto& [law, spec] = entries.front();
  UncertainValue v;
  v.floor = range.floor;
  v.ceiling = range.ceiling;
  if (law == "uniform" || law == "triangular") {
    auto ends = spec.list();
    std::size_t wanted = law == "uniform" ? 2 : 3;
    if (ends.size() != wanted)
      spec.fail(law == "uniform" ? "expected [low, high]" : "expected [low, mode, high]");
    std::vector<double> x;
    for (const ConfigValue& end : ends) {
      x.push_back(end.number());
      check_within(end, x.back(), range);
    }
    if (!std::is_sorted(x.begin(), x.end()) || x.front() == x.back())
      spec.fail("expected increasing values, low below high");
    v.law = law == "uniform" ? UncertainValue::Law::uniform : UncertainValue::Law::triangular;
    v.low = x.front();
    v.high = x.back();
    v.mode = law == "uniform" ? 0.5 * (v.low + v.high) : x[1];
    return v;
  }
  if (law == "normal") {
    ConfigMap normal = spec.map();
    ConfigValue mean = normal.required("mean");
    v.law = UncertainValue::Law::normal;
    v.low = mean.number();
    check_within(mean, v.low, range);
    v.high = normal.required("sd").positive();
    v.mode = v.low;
    normal.reject_unknown();
    return v;
  }
  map.fail_at_key(law, "unknown distribution '" + law + "'; expected uniform, triangular or normal");
}

}  // namespace

UncertainValue read_uncertain_value(const ConfigValue& value, const ValueRange& range) {
  if (!value.is_map()) {
    double x = value.number();
    check_within(value, x, range);
    UncertainValue fixed = UncertainValue::fixed(x);
    fixed.floor = range.floor;
    fixed.ceiling = range.ceiling;
    return fixed;
  }
  return read_distribution(value, range);
}

}  // namespace carecast::models
