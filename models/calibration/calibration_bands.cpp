#include "models/calibration/calibration_bands.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace carecast::models::calibration {

namespace {

void check_edges(const std::vector<double>& edges, const char* name) {
  if (edges.empty() || edges.front() != 0.0)
    throw std::invalid_argument(fmt::format("{} band edges must start at 0", name));
  for (std::size_t i = 1; i < edges.size(); ++i)
    if (!std::isfinite(edges[i]) || !(edges[i] > edges[i - 1]))
      throw std::invalid_argument(
          fmt::format("{} band edges must be finite and strictly increasing ({} after {})", name, edges[i], edges[i - 1]));
}

std::string describe_years(double lower, double upper) {
  return std::isinf(upper) ? fmt::format("[{:g}, inf)", lower) : fmt::format("[{:g}, {:g})", lower, upper);
}

}  // namespace

std::string pool_along_name(PoolAlong along) { return along == PoolAlong::age ? "age" : "duration"; }

void CalibrationBands::validate() const {
  check_edges(age_edges, "age");
  check_edges(duration_edges, "duration");
  for (std::size_t i = 1; i < period_breaks.size(); ++i)
    if (!(period_breaks[i] > period_breaks[i - 1]))
      throw std::invalid_argument(fmt::format("period breaks must be strictly increasing ({} after {})",
                                              engine::format_iso_date(period_breaks[i]),
                                              engine::format_iso_date(period_breaks[i - 1])));
  if (!std::isfinite(min_exposure) || min_exposure < 0.0)
    throw std::invalid_argument("the minimum exposure must be a number of person-years, 0 or more");
}

CellCoordinates CalibrationBands::coordinates(std::size_t cell) const {
  CellCoordinates at;
  at.period = cell % periods();
  at.duration = (cell / periods()) % durations();
  at.age = cell / (periods() * durations());
  return at;
}

double CalibrationBands::age_upper(std::size_t i) const {
  return i + 1 < age_edges.size() ? age_edges[i + 1] : HUGE_VAL;
}

double CalibrationBands::duration_upper(std::size_t i) const {
  return i + 1 < duration_edges.size() ? duration_edges[i + 1] : HUGE_VAL;
}

std::string CalibrationBands::describe_age(std::size_t i) const { return describe_years(age_edges[i], age_upper(i)); }

std::string CalibrationBands::describe_duration(std::size_t i) const {
  return describe_years(duration_edges[i], duration_upper(i));
}

std::string CalibrationBands::describe_period(std::size_t i) const {
  std::string lower = i == 0 ? "~" : engine::format_iso_date(period_breaks[i - 1]);
  std::string upper = i < period_breaks.size() ? engine::format_iso_date(period_breaks[i]) : "~";
  return fmt::format("[{}, {})", lower, upper);
}

std::string CalibrationBands::describe_cell(std::size_t cell) const {
  CellCoordinates at = coordinates(cell);
  return fmt::format("age {} × duration {} × period {}", describe_age(at.age), describe_duration(at.duration),
                     describe_period(at.period));
}

}  // namespace carecast::models::calibration
