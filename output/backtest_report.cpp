#include "output/backtest_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/replicate_statistics.hpp"
#include "output/text_table.hpp"

namespace carecast::output {

namespace {

constexpr std::size_t levels = engine::summary_quantile_levels.size();  // 5, 25, 50, 75, 95 %

/// The replicates' stock at one grid point and state, sorted.
std::vector<double> simulated_values(const models::RunResult& run, std::size_t stock, std::size_t point,
                                     std::size_t state) {
  std::size_t states = run.states.size();
  std::vector<double> values;
  values.reserve(run.replicates.size());
  for (const engine::Tally& tally : run.replicates) values.push_back(static_cast<double>(tally.counts(stock)[point * states + state]));
  std::sort(values.begin(), values.end());
  return values;
}

void add_to_summary(BacktestStateSummary& summary, double observed, const double* q, double in50, double in90) {
  double error = q[2] - observed;
  summary.mean_observed += observed;
  summary.mean_error += error;
  summary.mean_absolute_error += std::abs(error);
  summary.inside50 += in50;
  summary.inside90 += in90;
}

void divide(BacktestStateSummary& summary, double n) {
  if (n <= 0) return;
  summary.mean_observed /= n;
  summary.mean_error /= n;
  summary.mean_absolute_error /= n;
  summary.inside50 /= n;
  summary.inside90 /= n;
}

}  // namespace

BacktestReport make_backtest_report(const models::RunResult& run, const std::vector<std::size_t>& points,
                                    const std::vector<std::size_t>& state_indices,
                                    const std::vector<std::vector<long>>& observed) {
  BacktestReport report;
  std::size_t stock = run.layout->count_handle("stock");
  for (std::size_t point : points) report.dates.push_back(run.grid_dates[point]);
  for (std::size_t s : state_indices) {
    report.states.push_back(run.states[s].name);
    report.by_state.push_back(BacktestStateSummary{run.states[s].name});
  }
  report.overall.state = "all";
  for (std::size_t d = 0; d < points.size(); ++d) {
    for (std::size_t k = 0; k < state_indices.size(); ++k) {
      std::vector<double> values = simulated_values(run, stock, points[d], state_indices[k]);
      double q[levels];
      for (std::size_t l = 0; l < levels; ++l) q[l] = engine::quantile_of_sorted(values, engine::summary_quantile_levels[l]);
      double seen = static_cast<double>(observed[d][k]);
      double in50 = seen >= q[1] && seen <= q[3] ? 1.0 : 0.0;
      double in90 = seen >= q[0] && seen <= q[4] ? 1.0 : 0.0;
      report.observed.push_back(seen);
      report.quantiles.insert(report.quantiles.end(), q, q + levels);
      report.inside50.push_back(in50);
      report.inside90.push_back(in90);
      add_to_summary(report.by_state[k], seen, q, in50, in90);
      add_to_summary(report.overall, seen, q, in50, in90);
    }
  }
  for (BacktestStateSummary& summary : report.by_state) divide(summary, static_cast<double>(points.size()));
  divide(report.overall, static_cast<double>(points.size() * state_indices.size()));
  return report;
}

std::string format_backtest_report(const BacktestReport& report) {
  TextTable table({{"state", Align::left}, {"mean observed"}, {"error of median"}, {"abs. error"},
                   {"inside 50 %"}, {"inside 90 %"}});
  auto add = [&](const BacktestStateSummary& s) {
    table.add_row({s.state, fmt::format("{:.1f}", s.mean_observed), fmt::format("{:+.1f}", s.mean_error),
                   fmt::format("{:.1f}", s.mean_absolute_error), fmt::format("{:.0f} %", 100 * s.inside50),
                   fmt::format("{:.0f} %", 100 * s.inside90)});
  };
  for (const BacktestStateSummary& s : report.by_state) add(s);
  add(report.overall);
  std::string period = report.dates.empty() ? "no dates" : report.dates.front() + " to " + report.dates.back();
  return fmt::format("Back-test: simulated stock against the episode records, {} ({} dates)\n{}", period,
                     report.dates.size(), table.render());
}

}  // namespace carecast::output
