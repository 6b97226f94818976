#pragma once
// The cells a calibration estimates hazards on: age band × time-in-state band × calendar period,
// the same cells a scenario's hazard band lists use.
//
//   age bands       [e0, e1), [e1, e2), ..., [ek, ∞)   years; e0 = 0; the last band is open
//   duration bands  [d0, d1), ..., [dm, ∞)             years in the current state; d0 = 0
//   periods         (-∞, b1), [b1, b2), ..., [bn, ∞)   calendar dates; no breaks: one period
//
// Cells with less exposure than `min_exposure` person-years are pooled with a neighbour along
// `pool_along` (see hazard_estimates.hpp).
#include <cstddef>
#include <string>
#include <vector>

#include "engine/calendar.hpp"

namespace carecast::models::calibration {

enum class PoolAlong { duration, age };

std::string pool_along_name(PoolAlong along);

/// One cell's position on the three axes.
struct CellCoordinates {
  std::size_t age = 0;
  std::size_t duration = 0;
  std::size_t period = 0;
};

struct CalibrationBands {
  std::vector<double> age_edges{0.0};       // years: starts at 0, strictly increasing
  std::vector<double> duration_edges{0.0};  // years: starts at 0, strictly increasing
  std::vector<engine::Date> period_breaks;  // strictly increasing
  double min_exposure = 0.0;                // person-years; 0: no pooling
  PoolAlong pool_along = PoolAlong::duration;

  /// Throws std::invalid_argument naming the first problem.
  void validate() const;

  std::size_t ages() const { return age_edges.size(); }
  std::size_t durations() const { return duration_edges.size(); }
  std::size_t periods() const { return period_breaks.size() + 1; }
  std::size_t cells() const { return ages() * durations() * periods(); }
  std::size_t cell(CellCoordinates at) const { return (at.age * durations() + at.duration) * periods() + at.period; }
  CellCoordinates coordinates(std::size_t cell) const;

  /// Band `i` as [lower, upper) in years; the upper end of the last band is +infinity.
  double age_upper(std::size_t i) const;
  double duration_upper(std::size_t i) const;
  /// "[0, 6)", "[2, inf)", "[2020-01-01, 2022-01-01)", "[~, 2020-01-01)".
  std::string describe_age(std::size_t i) const;
  std::string describe_duration(std::size_t i) const;
  std::string describe_period(std::size_t i) const;
  std::string describe_cell(std::size_t cell) const;
};

}  // namespace carecast::models::calibration
