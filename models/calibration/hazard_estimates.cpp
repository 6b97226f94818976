#include "models/calibration/hazard_estimates.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "models/calibration/placeholder_warning.hpp"

namespace carecast::models::calibration {

namespace {

/// χ² quantile with `degrees` degrees of freedom.
double chi_squared_quantile(double p, double degrees) {
  return boost::math::quantile(boost::math::chi_squared_distribution<double>(degrees), p);
}

CellGroup single_cell(const ExposureTable& table, std::size_t state, CellCoordinates at) {
  std::size_t cell = table.bands().cell(at);
  return CellGroup{at, at, {cell}, table.exposure_years(state, cell)};
}

/// `low` and `high` are neighbours on a line, `low` first.
CellGroup joined(const CellGroup& low, const CellGroup& high) {
  CellGroup group{low.first, high.last, low.cells, low.exposure_years + high.exposure_years};
  group.cells.insert(group.cells.end(), high.cells.begin(), high.cells.end());
  return group;
}

/// The index of the group with the least exposure below the minimum, or -1.
long smallest_below(const std::vector<CellGroup>& line, double minimum) {
  long smallest = -1;
  for (std::size_t i = 0; i < line.size(); ++i)
    if (line[i].exposure_years < minimum &&
        (smallest < 0 || line[i].exposure_years < line[static_cast<std::size_t>(smallest)].exposure_years))
      smallest = static_cast<long>(i);
  return smallest;
}

/// The neighbour group i joins: the one with less exposure, the earlier one on a tie.
std::size_t neighbour_of(const std::vector<CellGroup>& line, std::size_t i) {
  if (i == 0) return 1;
  if (i + 1 == line.size()) return i - 1;
  return line[i + 1].exposure_years < line[i - 1].exposure_years ? i + 1 : i - 1;
}

/// Pools one line of groups until every group reaches the minimum or one group is left.
void pool_line(std::vector<CellGroup>& line, double minimum, std::size_t state, std::vector<PoolingStep>& steps) {
  while (line.size() > 1) {
    long found = smallest_below(line, minimum);
    if (found < 0) return;
    auto i = static_cast<std::size_t>(found);
    std::size_t j = neighbour_of(line, i);
    steps.push_back(PoolingStep{state, line[i], line[j]});
    std::size_t low = std::min(i, j);
    line[low] = joined(line[low], line[low + 1]);
    line.erase(line.begin() + static_cast<long>(low) + 1);
  }
}

/// The cells of one line along the pooling axis through `at` (whose pooling coordinate is ignored).
std::vector<CellGroup> line_through(const ExposureTable& table, std::size_t state, CellCoordinates at) {
  const CalibrationBands& bands = table.bands();
  bool along_age = bands.pool_along == PoolAlong::age;
  std::size_t length = along_age ? bands.ages() : bands.durations();
  std::vector<CellGroup> line;
  for (std::size_t i = 0; i < length; ++i) {
    (along_age ? at.age : at.duration) = i;
    line.push_back(single_cell(table, state, at));
  }
  return line;
}

std::vector<CellGroup> pooled_groups(const ExposureTable& table, std::size_t state, std::vector<PoolingStep>& steps) {
  const CalibrationBands& bands = table.bands();
  bool along_age = bands.pool_along == PoolAlong::age;
  std::size_t across = along_age ? bands.durations() : bands.ages();
  std::vector<CellGroup> groups;
  for (std::size_t other = 0; other < across; ++other)
    for (std::size_t period = 0; period < bands.periods(); ++period) {
      CellCoordinates at{along_age ? 0 : other, along_age ? other : 0, period};
      std::vector<CellGroup> line = line_through(table, state, at);
      pool_line(line, bands.min_exposure, state, steps);
      groups.insert(groups.end(), line.begin(), line.end());
    }
  std::sort(groups.begin(), groups.end(),
            [](const CellGroup& a, const CellGroup& b) { return a.cells.front() < b.cells.front(); });
  return groups;
}

TransitionEstimates estimate_transition(const ExposureTable& table, std::size_t t, const std::vector<CellGroup>& groups) {
  TransitionEstimates estimates;
  for (const CellGroup& group : groups) {
    std::int64_t events = 0;
    for (std::size_t cell : group.cells) {
      events += table.events(t, cell);
      estimates.carer_initiated += table.carer_initiated(t, cell);
    }
    estimates.events += events;
    estimates.by_group.push_back(estimate_rate(events, group.exposure_years));
  }
  return estimates;
}

}  // namespace

RateEstimate estimate_rate(std::int64_t events, double exposure_years) {
  RateEstimate estimate;
  estimate.events = events;
  estimate.exposure_years = exposure_years;
  if (!(exposure_years > 0.0)) {
    estimate.upper = std::numeric_limits<double>::infinity();
    return estimate;
  }
  auto n = static_cast<double>(events);
  estimate.rate = n / exposure_years;
  estimate.se = std::sqrt(n) / exposure_years;
  estimate.lower = events == 0 ? 0.0 : chi_squared_quantile(0.025, 2.0 * n) / 2.0 / exposure_years;
  estimate.upper = chi_squared_quantile(0.975, 2.0 * n + 2.0) / 2.0 / exposure_years;
  return estimate;
}

HazardEstimates HazardEstimates::estimate(const ExposureTable& table) {
  HazardEstimates estimates;
  for (std::size_t state = 0; state < table.care_states(); ++state) {
    estimates.groups_.push_back(pooled_groups(table, state, estimates.pooling_));
    for (const CellGroup& group : estimates.groups_.back())
      if (group.exposure_years < table.bands().min_exposure && group.exposure_years > 0.0)
        estimates.warnings_.push_back(fmt::format("{}: {} has {:.3g} person-years after pooling, below the minimum {:g}",
                                                  table.states()[state], describe_group(table.bands(), group),
                                                  group.exposure_years, table.bands().min_exposure));
  }
  for (std::size_t t = 0; t < table.transitions().size(); ++t)
    estimates.transitions_.push_back(
        estimate_transition(table, t, estimates.groups_[table.transitions()[t].from]));
  if (auto warning = placeholder_warning(table, estimates.groups_)) estimates.warnings_.push_back(*warning);
  return estimates;
}

std::string describe_group(const CalibrationBands& bands, const CellGroup& group) {
  auto span = [](const std::string& first, const std::string& last) {
    if (first == last) return first;
    return first.substr(0, first.find(',')) + last.substr(last.find(','));
  };
  return fmt::format("age {} × duration {} × period {}",
                     span(bands.describe_age(group.first.age), bands.describe_age(group.last.age)),
                     span(bands.describe_duration(group.first.duration), bands.describe_duration(group.last.duration)),
                     bands.describe_period(group.first.period));
}

}  // namespace carecast::models::calibration
