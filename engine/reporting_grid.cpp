#include "engine/reporting_grid.hpp"

#include <algorithm>
#include <stdexcept>

namespace carecast::engine {

namespace {

std::chrono::sys_days sys_days_of(const Date& date) { return std::chrono::sys_days(date); }

/// The first day of each reporting year: on `year_begins`, or on the origin's anniversaries.
std::vector<Date> first_days_of_years(const Date& origin, std::chrono::months span,
                                      std::optional<std::chrono::month_day> year_begins) {
  if (year_begins) return reporting_year_starts(origin, span, *year_begins);
  std::vector<Date> starts;
  for (int months = 0; months < span.count(); months += 12) starts.push_back(add_months(origin, months));
  return starts;
}

}  // namespace

int grid_step_months(GridStep step) {
  switch (step) {
    case GridStep::monthly: return 1;
    case GridStep::quarterly: return 3;
    case GridStep::yearly: return 12;
  }
  return 1;
}

std::vector<Date> reporting_year_starts(const Date& start, std::chrono::months span, std::chrono::month_day begins) {
  if (!begins.ok()) throw std::invalid_argument("reporting years must begin on a day of the calendar");
  Date horizon = add_months(start, static_cast<int>(span.count()));
  std::vector<Date> starts{start};
  for (std::chrono::year y = start.year(); y <= horizon.year(); ++y) {
    Date boundary = begins == std::chrono::February / 29 ? Date{y / std::chrono::February / std::chrono::last}
                                                         : Date{y / begins};
    if (sys_days_of(boundary) > sys_days_of(start) && sys_days_of(boundary) < sys_days_of(horizon))
      starts.push_back(boundary);
  }
  return starts;
}

int months_from(const Date& start, const Date& date) {
  for (int months = 0; months <= 1200; ++months)
    if (add_months(start, months) == date) return months;
  throw std::invalid_argument(format_iso_date(date) + " is not a whole number of months after " + format_iso_date(start));
}

std::vector<Date> grid_dates(const Date& start, GridStep step, std::chrono::months span) {
  const int step_months = grid_step_months(step);
  if (span.count() < step_months || span.count() % step_months != 0)
    throw std::invalid_argument("a " + grid_step_name(step) + " grid needs a whole number of its steps, not " +
                                std::to_string(span.count()) + " months");
  std::vector<Date> dates;
  for (int months = 0; months <= span.count(); months += step_months) dates.push_back(add_months(start, months));
  return dates;
}

std::optional<Date> year_start_off_the_grid(const Date& start, GridStep step, std::chrono::months span,
                                         std::chrono::month_day begins) {
  std::vector<Date> grid = grid_dates(start, step, span);
  for (const Date& first_day : reporting_year_starts(start, span, begins))
    if (std::find(grid.begin(), grid.end(), first_day) == grid.end()) return first_day;
  return std::nullopt;
}

ReportingGrid::ReportingGrid(const Calendar& calendar, GridStep step, std::chrono::months span,
                             std::optional<std::chrono::month_day> year_begins)
    : step_(step), dates_(grid_dates(calendar.origin(), step, span)) {
  for (const Date& date : dates_) offsets_.push_back(calendar.offset_of(date));
  for (const Date& start : first_days_of_years(calendar.origin(), span, year_begins)) {
    auto point = std::find(dates_.begin(), dates_.end(), start);
    if (point == dates_.end())
      throw std::invalid_argument("a reporting year begins on " + format_iso_date(start) + ", not a grid date");
    year_start_points_.push_back(static_cast<std::size_t>(point - dates_.begin()));
    year_starts_.push_back(calendar.offset_of(start));
  }
  year_starts_.push_back(offsets_.back());
  // Grid offsets are whole days from the start (0): tabulate the lookups by whole day.
  horizon_ = offsets_.back();
  auto days = static_cast<std::size_t>(horizon_);
  interval_of_day_.resize(days);
  point_at_or_after_day_.resize(days + 1);
  year_of_day_.resize(days);
  for (std::size_t day = 0, year = 0; day < days; ++day) {
    while (year_starts_[year + 1] <= static_cast<double>(day)) ++year;
    year_of_day_[day] = static_cast<std::uint32_t>(year);
  }
  for (std::size_t day = 0, point = 0; day <= days; ++day) {
    while (offsets_[point] < static_cast<double>(day)) ++point;
    point_at_or_after_day_[day] = static_cast<std::uint32_t>(point);
    if (day < days)
      interval_of_day_[day] =
          static_cast<std::uint32_t>(offsets_[point] == static_cast<double>(day) ? point : point - 1);
  }
}

GridStep parse_grid_step(const std::string& name) {
  if (name == "monthly") return GridStep::monthly;
  if (name == "quarterly") return GridStep::quarterly;
  if (name == "yearly") return GridStep::yearly;
  throw std::invalid_argument("unknown grid step '" + name + "'");
}

std::string grid_step_name(GridStep step) {
  switch (step) {
    case GridStep::monthly: return "monthly";
    case GridStep::quarterly: return "quarterly";
    case GridStep::yearly: return "yearly";
  }
  return "monthly";
}

}  // namespace carecast::engine
