#pragma once
// The yearly figures a scenario comparison looks at, per replicate, derived from a run's
// tallies (by reporting year, output/reporting_years.hpp):
//   placements [year, state]       children in each non-exit state, averaged over the year
//   children_placed [year]         the same, summed over the states of kind placement
//   new_placements [year]          arrivals into a placement state, and moves into one from
//                                  a support state
//   breakdowns [year]
//   school_changes [year]          (with a school section)
//   exam_expected_passes [year]    (with a school section)
//   fte_needed [year]              mean over the year's grid dates (with a caseload section)
//   cost [year], cost_discounted [year]   all categories
//   cost_by_category [year, category]     nominal
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "models/run_result.hpp"

namespace carecast::output {

/// Values [replicate, ...axes] of one figure.
struct Metric {
  std::string name;
  std::vector<std::string> dimensions;  // after the replicate axis
  std::vector<std::size_t> shape;       // after the replicate axis
  std::vector<double> values;
  std::size_t cells() const { return values.size() / replicates; }
  std::size_t replicates = 0;
  /// A value that stands for "none" (payback_year: 0, no payback within the horizon): a
  /// replicate with it is left out of the summary of a one-cell figure, which is NaN if every
  /// replicate has it.
  std::optional<double> none;
};

struct ScenarioMetrics {
  std::vector<Metric> metrics;
  std::vector<std::string> year_starts;    // ISO date of each reporting year's start
  std::vector<std::string> states;         // the non-exit states of `placements`
  std::vector<std::string> categories;     // the categories of `cost_by_category`
  /// ISO date of each reporting year's end, the day after its last day: the next year's start,
  /// the horizon for the last.
  std::vector<std::string> year_ends;
  const Metric* find(const std::string& name) const;
};

ScenarioMetrics scenario_metrics(const models::RunResult& result);

}  // namespace carecast::output
