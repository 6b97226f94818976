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

namespace {

/// A point inside a cell of `axis` (cells reaching -infinity use a point below their upper edge).
double point_in(const Axis& axis, std::size_t cell) {
  if (axis.lower(cell) == -infinity) return axis.upper(cell) == infinity ? 0.0 : axis.upper(cell) - 1.0;
  return axis.lower(cell);
}

Axis with_edges(const Axis& axis, double lower, double upper) {
  std::vector<double> edges{-infinity};
  for (double edge : {lower, upper})
    if (edge > -infinity && edge < infinity) edges.push_back(edge);
  edges.push_back(infinity);
  return Axis::merged(axis, Axis(edges));
}

}  // namespace

PiecewiseRate PiecewiseRate::scaled_within(double age_from, double age_until, double from, double until,
                                           double factor) const {
  Axis age = with_edges(age_, age_from, age_until);
  Axis period = with_edges(period_, from, until);
  std::vector<double> values;
  for (std::size_t a = 0; a < age.cells(); ++a)
    for (std::size_t d = 0; d < duration_.cells(); ++d)
      for (std::size_t p = 0; p < period.cells(); ++p) {
        double x = point_in(age, a), t = point_in(period, p);
        double value = at(x, point_in(duration_, d), t);
        bool inside = x >= age_from && x < age_until && t >= from && t < until;
        values.push_back(inside ? value * factor : value);
      }
  return PiecewiseRate(age, duration_, period, values);
}

PiecewiseRate PiecewiseRate::scaled(double factor) const {
  PiecewiseRate copy = *this;
  for (double& value : copy.values_) value *= factor;
  return copy;
}

}  // namespace carecast::engine
