// Back-test coverage. Episodes simulated by carecast from a known model
// (tests/models/data/calibration/recovery.yaml: 2020-2025, ≈1,000 children in care) are
// back-tested as a user would: fit before 2024-01-01, simulate 24 months forward from the stock
// on that date with parameter uncertainty, and compare the monthly stock by state (23 months
// fall inside the records). Over 40 datasets (40 replicates of the known model, each one
// municipality's records), the share of observed monthly stocks inside the 90 % intervals must be
// within 3 standard errors of 90 %, and inside the 50 % intervals within 3 of 50 %.
//
// The standard errors come from the datasets themselves: months of one dataset are strongly
// correlated, so the unit is the dataset. Each dataset gives one coverage (over its 46 months and
// states); the standard error of the mean coverage is their sample sd over sqrt(40).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>
#include <numeric>
#include <utility>
#include <vector>

#include "engine/communicator.hpp"
#include "models/calibration/backtest.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "output/backtest_report.hpp"
#include "output_test_support.hpp"

namespace carecast::output {
namespace {

namespace calibration = models::calibration;

constexpr std::size_t datasets = 40;

std::filesystem::path recovery_folder() {
  return std::filesystem::path(CARECAST_SOURCE_DIR) / "tests" / "models" / "data" / "calibration";
}

std::vector<calibration::EpisodeData> simulated_records(const engine::Communicator& communicator) {
  models::Scenario scenario = models::read_scenario(recovery_folder() / "recovery.yaml");
  models::RunOptions run;
  run.replicates = datasets;
  for (std::size_t r = 0; r < datasets; ++r) run.episode_replicates.push_back(r);
  return models::simulate(scenario, run, communicator).episodes;
}

calibration::CalibrationSettings fitted_cells() {
  calibration::CalibrationSettings s;
  s.bands.age_edges = {0, 12};
  s.bands.duration_edges = {0, 1};
  s.bands.period_breaks = {*engine::parse_iso_date("2023-01-01")};
  s.estimate_prior_breakdown_factor = false;
  s.entries.age_edges = {0};
  return s;
}

calibration::BacktestSettings forward_run(const std::filesystem::path& folder, std::size_t dataset) {
  calibration::BacktestSettings s;
  s.cut = *engine::parse_iso_date("2024-01-01");
  s.horizon_months = 24;
  s.replicates = 100;
  s.seed = 1000 + dataset;
  s.ageing_out_age = 18;
  s.ageing_out_state = "aged_out";
  s.population = recovery_folder() / "recovery_population.csv";
  s.work_folder = folder;
  return s;
}

/// The mean of the values and its standard error (sample sd over the square root of the count).
std::pair<double, double> mean_and_standard_error(const std::vector<double>& values) {
  auto n = static_cast<double>(values.size());
  double mean = std::accumulate(values.begin(), values.end(), 0.0) / n, squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  return {mean, std::sqrt(squares / (n - 1.0) / n)};
}

TEST(BacktestCoverage, IntervalsCoverTheObservedStockAsOftenAsTheyClaim) {
  engine::SingleProcess communicator;
  std::vector<calibration::EpisodeData> records = simulated_records(communicator);
  ASSERT_EQ(records.size(), datasets);
  std::vector<double> coverage50, coverage90;  // by dataset
  for (std::size_t d = 0; d < datasets; ++d) {
    testing::ScratchFolder folder;
    calibration::BacktestRun run =
        calibration::run_backtest(records[d], fitted_cells(), forward_run(folder.path(), d), communicator);
    BacktestReport report = make_backtest_report(run.simulation, run.points, run.states, run.observed);
    ASSERT_EQ(report.dates.size(), 23u);
    std::vector<std::string> states = report.states;
    std::sort(states.begin(), states.end());
    ASSERT_EQ(states, (std::vector<std::string>{"foster", "residential"}));
    double inside50 = 0, inside90 = 0, compared = 0;
    for (std::size_t i = 0; i < report.inside90.size(); ++i) {
      inside50 += report.inside50[i];
      inside90 += report.inside90[i];
      compared += 1;
    }
    coverage50.push_back(inside50 / compared);
    coverage90.push_back(inside90 / compared);
  }
  auto [mean90, se90] = mean_and_standard_error(coverage90);
  auto [mean50, se50] = mean_and_standard_error(coverage50);
  std::cout << "coverage 90 %: " << mean90 << " (se " << se90 << "), 50 %: " << mean50 << " (se " << se50 << ")\n";
  EXPECT_GT(se90, 0.0);
  EXPECT_NEAR(mean90, 0.90, 3.0 * se90);
  EXPECT_NEAR(mean50, 0.50, 3.0 * se50);
}

}  // namespace
}  // namespace carecast::output
