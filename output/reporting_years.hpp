#pragma once
// The reporting years of a result: the years its yearly tables, budget, cohorts and payback are
// counted in. Each begins on a grid date (calendar years by default; see the scenario's
// simulation.year_begins) and the last ends at the horizon, so a year's stock is the stock on
// its first grid date and its flows are those of the grid intervals that start in it.
#include <cstddef>
#include <string>
#include <vector>

#include "models/run_result.hpp"

namespace carecast::output {

class ReportingYears {
 public:
  /// `first_points`: the grid point each year begins on, increasing from 0; `points`: the
  /// number of grid points. Throws std::invalid_argument if they do not fit.
  ReportingYears(std::vector<std::size_t> first_points, std::size_t points);

  std::size_t years() const { return first_points_.size(); }
  /// The grid point on which the year begins; for `years()`, the horizon's (the last point).
  std::size_t first_point(std::size_t year) const {
    return year < first_points_.size() ? first_points_[year] : points_ - 1;
  }
  /// The year in which the grid interval [point i, point i + 1) lies.
  std::size_t year_of_interval(std::size_t interval) const { return year_of_interval_.at(interval); }
  /// The first grid point of each year, then the horizon's: where yearly tables show the stock.
  std::vector<std::size_t> first_points_and_horizon() const;
  /// The first date of each year, from the grid's dates.
  std::vector<std::string> first_dates(const std::vector<std::string>& grid_dates) const;
  /// The end of each year, the day after its last day: the next year's first date, the horizon
  /// for the last.
  std::vector<std::string> end_dates(const std::vector<std::string>& grid_dates) const;
  /// "2025-07-01 to 2026-01-01": the year's first day and the next year's (the horizon for the last).
  std::string period(std::size_t year, const std::vector<std::string>& grid_dates) const {
    return grid_dates.at(first_point(year)) + " to " + grid_dates.at(first_point(year + 1));
  }

 private:
  std::vector<std::size_t> first_points_;
  std::size_t points_;
  std::vector<std::size_t> year_of_interval_;
};

/// The years that begin on `year_starts` (ISO dates) of a grid of `grid_dates`; throws
/// std::invalid_argument naming a date that is not a grid date.
ReportingYears reporting_years_on(const std::vector<std::string>& grid_dates,
                                  const std::vector<std::string>& year_starts);

/// The years of a run: its year_start_points, or, if it has none (a result put together by
/// hand), the start date and its anniversaries.
ReportingYears reporting_years_of(const models::RunResult& result);

/// The years of a file written before files stored them: the start date and its anniversaries,
/// every 12, 4 or 1 grid dates of a monthly, quarterly or yearly grid.
std::vector<std::string> anniversary_year_starts(const std::vector<std::string>& grid_dates,
                                                 const std::string& grid_step);

/// The years' names in tables, from their first dates (ISO, as stored): "2026" for calendar
/// years, "2025/26" for years that begin on another day, such as financial years from 1 April.
/// A first year shorter than the others takes the name of the year it is part of.
std::vector<std::string> reporting_year_names(const std::vector<std::string>& year_starts);

}  // namespace carecast::output
