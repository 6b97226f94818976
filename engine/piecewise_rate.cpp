#include "engine/piecewise_rate.hpp"

#include <stdexcept>

namespace carecast::engine {

PiecewiseRate::PiecewiseRate(double constant) : values_{constant} {}

PiecewiseRate::PiecewiseRate(Axis age, Axis duration, Axis period, std::vector<double> values)
    : age_(std::move(age)), duration_(std::move(duration)), period_(std::move(period)),
      values_(std::move(values)) {
  if (values_.size() != age_.cells() * duration_.cells() * period_.cells())
    throw std::invalid_argument("piecewise rate: value count does not match its axes");
}

double PiecewiseRate::at(double age, double duration, double time) const {
  std::size_t index = (age_.cell_of(age) * duration_.cells() + duration_.cell_of(duration)) *
                          period_.cells() +
                      period_.cell_of(time);
  return values_[index];
}

PiecewiseRate PiecewiseRate::scaled_from(double from, double factor) const {
  Axis period = Axis::merged(period_, Axis({-infinity, from, infinity}));
  std::vector<double> values;
  for (std::size_t a = 0; a < age_.cells(); ++a)
    for (std::size_t d = 0; d < duration_.cells(); ++d)
      for (std::size_t p = 0; p < period.cells(); ++p) {
        double at = period.lower(p) == -infinity ? period.upper(p) - 1.0 : period.lower(p);
        double value = values_[(a * duration_.cells() + d) * period_.cells() + period_.cell_of(at)];
        values.push_back(period.lower(p) >= from ? value * factor : value);
      }
  return PiecewiseRate(age_, duration_, period, values);
}

PiecewiseRate PiecewiseRate::scaled(double factor) const {
  PiecewiseRate copy = *this;
  for (double& value : copy.values_) value *= factor;
  return copy;
}

}  // namespace carecast::engine
