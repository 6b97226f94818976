#include "models/scenario/uncertain_value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>

namespace carecast::models {

double UncertainValue::central() const {
  switch (law) {
    case Law::uniform: return 0.5 * (low + high);
    case Law::triangular: return mode;
    case Law::fixed:
    case Law::normal: return low;
  }
  return low;
}

namespace {

double triangular_quantile(double low, double mode, double high, double u) {
  double split = (mode - low) / (high - low);
  if (u < split) return low + std::sqrt(u * (high - low) * (mode - low));
  return high - std::sqrt((1.0 - u) * (high - low) * (high - mode));
}

double truncated_normal_quantile(double mean, double sd, double floor, double ceiling, double u) {
  boost::math::normal_distribution<double> normal(mean, sd);
  double lower = std::isfinite(floor) ? boost::math::cdf(normal, floor) : 0.0;
  double upper = std::isfinite(ceiling) ? boost::math::cdf(normal, ceiling) : 1.0;
  double p = std::clamp(lower + u * (upper - lower), 1e-12, 1.0 - 1e-12);
  return std::clamp(boost::math::quantile(normal, p), floor, ceiling);
}

}  // namespace

double UncertainValue::quantile(double u) const {
  switch (law) {
    case Law::fixed: return low;
    case Law::uniform: return low + u * (high - low);
    case Law::triangular: return high > low ? triangular_quantile(low, mode, high, u) : mode;
    case Law::normal: return truncated_normal_quantile(low, high, floor, ceiling, u);
  }
  return low;
}

std::string UncertainValue::describe() const {
  switch (law) {
    case Law::fixed: return fmt::format("{:g}", low);
    case Law::uniform: return fmt::format("uniform {:g}-{:g}", low, high);
    case Law::triangular: return fmt::format("triangular {:g}-{:g}-{:g}", low, mode, high);
    case Law::normal: return fmt::format("normal {:g} sd {:g}", low, high);
  }
  return {};
}

double draw_for_replicate(const UncertainValue& value, engine::StreamKey key, std::uint64_t identity) {
  if (value.is_fixed()) return value.low;
  auto stream = engine::make_stream(key, identity, engine::Purpose::parameter_draw);
  return value.quantile(engine::draw_uniform(stream));
}

}  // namespace carecast::models
