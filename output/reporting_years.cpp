#include "output/reporting_years.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace carecast::output {

ReportingYears::ReportingYears(std::vector<std::size_t> first_points, std::size_t points)
    : first_points_(std::move(first_points)), points_(points) {
  if (points < 2 || first_points_.empty() || first_points_.front() != 0)
    throw std::invalid_argument("the reporting years must begin on the first of at least two grid dates");
  for (std::size_t k = 1; k < first_points_.size(); ++k)
    if (first_points_[k] <= first_points_[k - 1] || first_points_[k] >= points - 1)
      throw std::invalid_argument("the reporting years must begin on increasing grid dates before the horizon");
  for (std::size_t year = 0, interval = 0; interval + 1 < points; ++interval) {
    while (year + 1 < first_points_.size() && first_points_[year + 1] <= interval) ++year;
    year_of_interval_.push_back(year);
  }
}

std::vector<std::size_t> ReportingYears::first_points_and_horizon() const {
  std::vector<std::size_t> points = first_points_;
  points.push_back(points_ - 1);
  return points;
}

std::vector<std::string> ReportingYears::first_dates(const std::vector<std::string>& grid_dates) const {
  std::vector<std::string> dates;
  for (std::size_t point : first_points_) dates.push_back(grid_dates.at(point));
  return dates;
}

std::vector<std::string> ReportingYears::end_dates(const std::vector<std::string>& grid_dates) const {
  std::vector<std::string> dates;
  for (std::size_t year = 0; year < years(); ++year) dates.push_back(grid_dates.at(first_point(year + 1)));
  return dates;
}

ReportingYears reporting_years_on(const std::vector<std::string>& grid_dates,
                                  const std::vector<std::string>& year_starts) {
  std::vector<std::size_t> points;
  for (const std::string& start : year_starts) {
    auto found = std::find(grid_dates.begin(), grid_dates.end(), start);
    if (found == grid_dates.end())
      throw std::invalid_argument(fmt::format("the reporting year starting {} does not begin on a grid date", start));
    points.push_back(static_cast<std::size_t>(found - grid_dates.begin()));
  }
  return ReportingYears(std::move(points), grid_dates.size());
}

ReportingYears reporting_years_of(const models::RunResult& result) {
  if (!result.year_start_points.empty()) return ReportingYears(result.year_start_points, result.grid_dates.size());
  return reporting_years_on(result.grid_dates, anniversary_year_starts(result.grid_dates, result.grid_step));
}

std::vector<std::string> anniversary_year_starts(const std::vector<std::string>& grid_dates,
                                                 const std::string& grid_step) {
  std::size_t step = grid_step == "monthly" ? 12 : grid_step == "quarterly" ? 4 : 1;
  std::vector<std::string> starts;
  for (std::size_t point = 0; point + 1 < grid_dates.size(); point += step) starts.push_back(grid_dates[point]);
  return starts;
}

std::vector<std::string> reporting_year_names(const std::vector<std::string>& year_starts) {
  auto well_formed = [](const std::string& date) { return date.size() == 10 && date[4] == '-' && date[7] == '-'; };
  if (!std::all_of(year_starts.begin(), year_starts.end(), well_formed)) return year_starts;
  // Every year but perhaps the first begins on the same month and day.
  std::string begins = year_starts.size() > 1 ? year_starts[1].substr(5) : year_starts.front().substr(5);
  std::vector<std::string> names;
  for (const std::string& start : year_starts) {
    int year = std::stoi(start.substr(0, 4));
    if (begins == "01-01") {
      names.push_back(std::to_string(year));
      continue;
    }
    if (start.substr(5) < begins) year -= 1;  // part of the year that began the year before
    names.push_back(fmt::format("{}/{:02}", year, (year + 1) % 100));
  }
  return names;
}

}  // namespace carecast::output
