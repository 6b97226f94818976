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

PiecewiseRate PiecewiseRate::scaled(double factor) const {
  PiecewiseRate copy = *this;
  for (double& value : copy.values_) value *= factor;
  return copy;
}

}  // namespace carecast::engine
