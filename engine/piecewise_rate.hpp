#pragma once
// A rate that is constant on each cell of age × time-in-state × calendar period.
#include <cstddef>
#include <vector>

#include "engine/axis.hpp"

namespace carecast::engine {

class PiecewiseRate {
 public:
  /// A rate that is the same everywhere.
  explicit PiecewiseRate(double constant = 0.0);
  /// `values` is indexed [age cell][duration cell][period cell].
  PiecewiseRate(Axis age, Axis duration, Axis period, std::vector<double> values);

  double at(double age, double duration, double time) const;
  const Axis& age() const { return age_; }
  const Axis& duration() const { return duration_; }
  const Axis& period() const { return period_; }
  PiecewiseRate scaled(double factor) const;
  /// The same rate, multiplied by `factor` at calendar times from `from` on.
  PiecewiseRate scaled_from(double from, double factor) const;
  /// The same rate, multiplied by `factor` at ages in [age_from, age_until) and calendar times
  /// in [from, until); new cell edges are added where needed.
  PiecewiseRate scaled_within(double age_from, double age_until, double from, double until,
                              double factor) const;

 private:
  Axis age_, duration_, period_;
  std::vector<double> values_;
};

}  // namespace carecast::engine
