#pragma once
// A back-test's verdict: the simulated stock by state and month after the cut, as quantiles over
// replicates, against the stock the episode records show. Per state and overall: the error of
// the median (simulated median − observed; mean and mean absolute) and the share of observations
// inside the central 50 % and 90 % intervals (q25–q75, q05–q95, ends included).
#include <cstddef>
#include <string>
#include <vector>

#include "models/run_result.hpp"

namespace carecast::output {

struct BacktestStateSummary {
  std::string state;
  double mean_observed = 0.0;
  double mean_error = 0.0;           // of the median, over dates
  double mean_absolute_error = 0.0;  // of the median, over dates
  double inside50 = 0.0;             // share of dates
  double inside90 = 0.0;
};

struct BacktestReport {
  std::vector<std::string> dates;   // ISO dates compared (grid points after the cut)
  std::vector<std::string> states;  // states compared
  std::vector<double> observed;     // [date, state]
  std::vector<double> quantiles;    // [date, state, level] at engine::summary_quantile_levels
  std::vector<double> inside50;     // [date, state], 1 or 0
  std::vector<double> inside90;     // [date, state], 1 or 0
  std::vector<BacktestStateSummary> by_state;
  BacktestStateSummary overall;     // over every date and state
};

/// `observed` is [date][state] for the grid points `points` of `run` (indices into its grid) and
/// the run's states `state_indices`, named `state_names`.
BacktestReport make_backtest_report(const models::RunResult& run, const std::vector<std::size_t>& points,
                                    const std::vector<std::size_t>& state_indices,
                                    const std::vector<std::vector<long>>& observed);

/// A readable table: one row per state and an overall row.
std::string format_backtest_report(const BacktestReport& report);

}  // namespace carecast::output
