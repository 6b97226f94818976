#pragma once
// The dates at which stocks are sampled; flows are counted in the intervals between them.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.hpp"

namespace carecast::engine {

enum class GridStep { monthly, quarterly, yearly };

/// Whole months per step of the grid (1, 3 or 12).
int grid_step_months(GridStep step);

/// The dates on which the reporting years of a simulation from `start` over `span` begin: the
/// start date itself, then every date after it, before the horizon (`start` + `span`), that
/// falls on `begins` (1 January: calendar years; 1 April: the English financial year; 29
/// February: the last day of February, as add_months counts). When `start` falls on `begins`,
/// these are the start and its anniversaries. The first and the last year may be shorter than a
/// year.
std::vector<Date> reporting_year_starts(const Date& start, std::chrono::months span, std::chrono::month_day begins);

/// The whole months from `start` to `date`, a date add_months(start, m) gives; throws
/// std::invalid_argument if it is none (within 100 years).
int months_from(const Date& start, const Date& date);

/// The date of each grid point of a simulation from `start` over `span`; throws
/// std::invalid_argument unless `span` is a positive whole number of steps.
std::vector<Date> grid_dates(const Date& start, GridStep step, std::chrono::months span);

/// The first day of a reporting year that is not a grid date, if any: each must be one.
std::optional<Date> year_start_off_the_grid(const Date& start, GridStep step, std::chrono::months span,
                                         std::chrono::month_day begins);

class ReportingGrid {
 public:
  /// Reporting years begin on `year_begins` (see reporting_year_starts), each on a grid date:
  /// throws std::invalid_argument if one does not. Without it, on the start date and its
  /// anniversaries (the last one short when `span` is not whole years).
  ReportingGrid(const Calendar& calendar, GridStep step, std::chrono::months span,
                std::optional<std::chrono::month_day> year_begins = std::nullopt);

  GridStep step() const { return step_; }
  std::size_t points() const { return offsets_.size(); }
  std::size_t intervals() const { return offsets_.size() - 1; }
  double offset(std::size_t point) const { return offsets_[point]; }
  const std::vector<double>& offsets() const { return offsets_; }
  const std::vector<Date>& dates() const { return dates_; }
  double horizon() const { return offsets_.back(); }
  /// Offsets of the start of each reporting year, and then of the horizon (years() + 1 values).
  const std::vector<double>& year_starts() const { return year_starts_; }
  /// The grid point on which each reporting year begins (years() values).
  const std::vector<std::size_t>& year_start_points() const { return year_start_points_; }
  /// The interval [point i, point i+1) holding t, or intervals() if t is outside the grid.
  std::size_t interval_of(double t) const {
    if (!(t >= 0.0) || t >= horizon_) return intervals();
    return interval_of_day_[static_cast<std::size_t>(t)];  // offsets are whole days
  }
  /// The reporting year [year_starts[k], year_starts[k+1]) holding t, or years() if none (also
  /// for NaN). Year starts are whole days, so a table by whole day answers it.
  std::size_t years() const { return year_starts_.size() - 1; }
  std::size_t year_of(double t) const {
    if (!(t >= 0.0) || t >= horizon_) return years();
    return year_of_day_[static_cast<std::size_t>(t)];
  }
  /// year_of(t) for t in [0, horizon], except that the horizon itself gets the last year (no
  /// branch on it: ends of stays are often exactly the horizon).
  std::size_t year_of_clamped(double t) const {
    return year_of_day_[std::min(static_cast<std::size_t>(t), year_of_day_.size() - 1)];
  }
  /// The first grid point at or after t (points() if none).
  std::size_t first_point_at_or_after(double t) const {
    if (!(t > 0.0)) return t <= 0.0 ? 0 : points();  // NaN: none
    if (t > horizon_) return points();
    auto day = static_cast<std::size_t>(t);  // ceil(t) for 0 < t <= horizon, without a libm call
    day += static_cast<double>(day) < t;
    return point_at_or_after_day_[day];
  }

 private:
  GridStep step_;
  std::vector<double> offsets_;
  std::vector<Date> dates_;
  std::vector<double> year_starts_;
  std::vector<std::size_t> year_start_points_;
  double horizon_ = 0.0;
  std::vector<std::uint32_t> interval_of_day_;        // [whole day in [0, horizon)]
  std::vector<std::uint32_t> point_at_or_after_day_;  // [whole day in [0, horizon]]
  std::vector<std::uint32_t> year_of_day_;            // [whole day in [0, horizon)]
};

/// The reporting year [year_starts[k], year_starts[k+1]) holding t, or nothing outside them
/// (or for NaN). Inline, because observers call it for every stay: a guess from the mean length
/// of a year, then a step or two to the exact year (exact for any increasing year starts).
inline std::optional<std::size_t> reporting_year_of(const std::vector<double>& year_starts, double t) {
  if (year_starts.size() < 2 || !(t >= year_starts.front()) || !(t < year_starts.back())) return std::nullopt;
  const std::size_t last = year_starts.size() - 2;  // the last year
  double share = (t - year_starts.front()) / (year_starts.back() - year_starts.front());
  auto year = std::min(static_cast<std::size_t>(share * static_cast<double>(last + 1)), last);
  while (year > 0 && t < year_starts[year]) --year;
  while (year < last && t >= year_starts[year + 1]) ++year;
  return year;
}

GridStep parse_grid_step(const std::string& name);  // throws std::invalid_argument
std::string grid_step_name(GridStep step);

}  // namespace carecast::engine
