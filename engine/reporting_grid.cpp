#include "engine/reporting_grid.hpp"

#include <algorithm>
#include <stdexcept>

namespace carecast::engine {

namespace {

int months_per_step(GridStep step) {
  switch (step) {
    case GridStep::monthly: return 1;
    case GridStep::quarterly: return 3;
    case GridStep::yearly: return 12;
  }
  return 1;
}

}  // namespace

ReportingGrid::ReportingGrid(const Calendar& calendar, GridStep step, int years) {
  if (years < 1) throw std::invalid_argument("a reporting grid needs at least one year");
  int step_months = months_per_step(step);
  for (int months = 0; months <= 12 * years; months += step_months) {
    Date date = add_months(calendar.origin(), months);
    dates_.push_back(date);
    offsets_.push_back(calendar.offset_of(date));
  }
  for (int year = 0; year <= years; ++year)
    year_starts_.push_back(calendar.offset_of(add_months(calendar.origin(), 12 * year)));
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
