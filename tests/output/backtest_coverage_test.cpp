// Back-test coverage. Episodes simulated by carecast from a known model
// (tests/models/data/calibration/recovery.yaml: 2020-2025, ≈1,000 children in care) are
// back-tested as a user would: fit before 2024-01-01, simulate 24 months forward from the stock
// on that date with parameter uncertainty, and compare the monthly stock by state (23 months
// fall inside the records). Over 40 datasets (40 replicates of the known model, each one
// municipality's records), the share of observed monthly stocks inside the 90 % intervals must lie
// between 85 % and 95 %, and inside the 50 % intervals between 40 % and 60 %.
//
// Why these bounds: months of one dataset are strongly correlated, so the effective sample is
// nearer the number of datasets than the 1,840 comparisons; with 40 datasets a well-calibrated
// 90 % interval gives a coverage with a standard error of about 2 points (per-dataset coverage
// has a standard deviation of up to ~15 points), so [85, 95] is about ±2.5 standard errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <memory>

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

TEST(BacktestCoverage, IntervalsCoverTheObservedStockAsOftenAsTheyClaim) {
  engine::SingleProcess communicator;
  std::vector<calibration::EpisodeData> records = simulated_records(communicator);
  ASSERT_EQ(records.size(), datasets);
  double inside50 = 0, inside90 = 0, compared = 0;
  for (std::size_t d = 0; d < datasets; ++d) {
    testing::ScratchFolder folder;
    calibration::BacktestRun run =
        calibration::run_backtest(records[d], fitted_cells(), forward_run(folder.path(), d), communicator);
    BacktestReport report = make_backtest_report(run.simulation, run.points, run.states, run.observed);
    ASSERT_EQ(report.dates.size(), 23u);
    std::vector<std::string> states = report.states;
    std::sort(states.begin(), states.end());
    ASSERT_EQ(states, (std::vector<std::string>{"foster", "residential"}));
    for (std::size_t i = 0; i < report.inside90.size(); ++i) {
      inside50 += report.inside50[i];
      inside90 += report.inside90[i];
      compared += 1;
    }
  }
  EXPECT_GE(inside90 / compared, 0.85);
  EXPECT_LE(inside90 / compared, 0.95);
  EXPECT_GE(inside50 / compared, 0.40);
  EXPECT_LE(inside50 / compared, 0.60);
  std::cout << "coverage 90 %: " << inside90 / compared << ", 50 %: " << inside50 / compared << "\n";
}

}  // namespace
}  // namespace carecast::output
