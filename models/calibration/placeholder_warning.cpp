#include "models/calibration/placeholder_warning.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

namespace carecast::models::calibration {

namespace {

/// What would give an empty cell group a rate.
enum class Remedy { pool = 0, pool_along_other_axis = 1, other_bands = 2, other_period_breaks = 3 };
constexpr std::size_t remedies = 4;

PoolAlong other_axis(PoolAlong along) { return along == PoolAlong::age ? PoolAlong::duration : PoolAlong::age; }

/// The exposure of `state` in the cells of the line through `at` along `axis`.
double line_exposure(const ExposureTable& table, std::size_t state, CellCoordinates at, PoolAlong axis) {
  const CalibrationBands& bands = table.bands();
  std::size_t length = axis == PoolAlong::age ? bands.ages() : bands.durations();
  double sum = 0.0;
  for (std::size_t i = 0; i < length; ++i) {
    (axis == PoolAlong::age ? at.age : at.duration) = i;
    sum += table.exposure_years(state, bands.cell(at));
  }
  return sum;
}

double period_exposure(const ExposureTable& table, std::size_t state, std::size_t period) {
  const CalibrationBands& bands = table.bands();
  double sum = 0.0;
  for (std::size_t age = 0; age < bands.ages(); ++age)
    for (std::size_t duration = 0; duration < bands.durations(); ++duration)
      sum += table.exposure_years(state, bands.cell({age, duration, period}));
  return sum;
}

bool any_cell_on_a_line_with_exposure(const ExposureTable& table, std::size_t state, const CellGroup& group,
                                      PoolAlong axis) {
  return std::any_of(group.cells.begin(), group.cells.end(), [&](std::size_t cell) {
    return line_exposure(table, state, table.bands().coordinates(cell), axis) > 0.0;
  });
}

Remedy remedy_for(const ExposureTable& table, std::size_t state, const CellGroup& group) {
  PoolAlong along = table.bands().pool_along;
  if (any_cell_on_a_line_with_exposure(table, state, group, along)) return Remedy::pool;
  if (any_cell_on_a_line_with_exposure(table, state, group, other_axis(along))) return Remedy::pool_along_other_axis;
  if (period_exposure(table, state, group.first.period) > 0.0) return Remedy::other_bands;
  return Remedy::other_period_breaks;
}

/// Empty cells by remedy, and the states and periods that have no exposure at all.
struct EmptyCells {
  std::size_t rows = 0;
  std::size_t cells = 0;
  std::string by_state;  // "foster 1, residential 2"
  std::array<std::size_t, remedies> by_remedy{};
  std::vector<std::string> empty_periods;  // "residential in [2027-01-01, ~)"
};

void count_state(const ExposureTable& table, std::size_t state, const std::vector<CellGroup>& groups,
                 EmptyCells& empty) {
  std::size_t in_state = 0;
  for (const CellGroup& group : groups) {
    if (group.exposure_years > 0.0) continue;
    ++in_state;
    Remedy remedy = remedy_for(table, state, group);
    empty.by_remedy[static_cast<std::size_t>(remedy)] += 1;
    std::string period = table.states()[state] + " in " + table.bands().describe_period(group.first.period);
    if (remedy == Remedy::other_period_breaks &&
        std::find(empty.empty_periods.begin(), empty.empty_periods.end(), period) == empty.empty_periods.end())
      empty.empty_periods.push_back(period);
  }
  if (in_state == 0) return;
  empty.cells += in_state;
  empty.by_state += fmt::format("{}{} {}", empty.by_state.empty() ? "" : ", ", table.states()[state], in_state);
}

EmptyCells empty_cells(const ExposureTable& table, const std::vector<std::vector<CellGroup>>& groups) {
  EmptyCells empty;
  std::vector<bool> has_rows(table.care_states(), false);
  for (const TransitionKey& key : table.transitions()) {
    has_rows[key.from] = true;
    for (const CellGroup& group : groups[key.from]) empty.rows += group.exposure_years > 0.0 ? 0 : 1;
  }
  for (std::size_t state = 0; state < table.care_states(); ++state)
    if (has_rows[state]) count_state(table, state, groups[state], empty);
  return empty;
}

/// What would give the empty cells a rate, one clause per remedy that applies.
std::vector<std::string> advice(const ExposureTable& table, const EmptyCells& empty) {
  const CalibrationBands& bands = table.bands();
  std::string along = pool_along_name(bands.pool_along), other = pool_along_name(other_axis(bands.pool_along));
  auto count = [&](Remedy r) { return empty.by_remedy[static_cast<std::size_t>(r)]; };
  std::vector<std::string> clauses;
  if (std::size_t n = count(Remedy::pool))
    clauses.push_back(fmt::format("{} with a neighbour that has exposure along {}: pool them with --min-exposure "
                                  "(e.g. --min-exposure 1)",
                                  n, along));
  if (std::size_t n = count(Remedy::pool_along_other_axis))
    clauses.push_back(fmt::format("{} with neighbours that have exposure only along {}: pool them with "
                                  "--pool-along {}{}",
                                  n, other, other, bands.min_exposure > 0.0 ? "" : " --min-exposure 1"));
  if (std::size_t n = count(Remedy::other_bands))
    clauses.push_back(fmt::format("{} with no neighbour that has exposure on either axis: choose bands the records "
                                  "reach",
                                  n));
  if (std::size_t n = count(Remedy::other_period_breaks))
    clauses.push_back(fmt::format("{} in a period in which the records hold no stay in their state ({}): no pooling "
                                  "fills these, as pooling never crosses periods; choose period breaks the records "
                                  "reach",
                                  n, fmt::join(empty.empty_periods, ", ")));
  return clauses;
}

}  // namespace

std::optional<std::string> placeholder_warning(const ExposureTable& table,
                                               const std::vector<std::vector<CellGroup>>& groups) {
  EmptyCells empty = empty_cells(table, groups);
  if (empty.rows == 0) return std::nullopt;
  return fmt::format("{} hazard rows in {} cells without any exposure ({}) are placeholders: written with rate 0 "
                     "(# no exposure), which a simulation takes as never happening. Of these cells, {}",
                     empty.rows, empty.cells, empty.by_state, fmt::join(advice(table, empty), "; "));
}

}  // namespace carecast::models::calibration
