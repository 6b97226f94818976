// BreakdownFactorEstimate recovers the prior-breakdown factor carecast simulates with. The
// scenario: foster care, going home at 0.3 a year, breaking down (foster → foster) at a base rate
// of 0.3 a year under age 10 and 0.6 from 10, times 1.6 per earlier breakdown up to 2 of them.
// Each replicate (about 1300 children over 6 years, all entering during the run, so their whole
// history is in the data) is one dataset, calibrated with the same cells (age [0, 10), [10, ∞))
// and cap.
//   - In the first dataset, f̂ and both base rates lie within 3 of their standard errors of the
//     truth.
//   - Over 100 datasets the 95 % interval of f covers 1.6 within 3 binomial standard errors,
//     3 × sqrt(0.95 × 0.05 / 100) = 0.065, of 0.95: the observed information gives the right se.
// With made-up counts, the estimate says why it cannot be made.
#include <gtest/gtest.h>
#include <fmt/format.h>

#include <cmath>
#include <numeric>

#include "engine/communicator.hpp"
#include "models/calibration/calibrated_model.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

using test_support::ScratchFolder;

constexpr double true_factor = 1.6;
constexpr std::size_t datasets = 100;

std::filesystem::path write_scenario(const ScratchFolder& folder) {
  std::string population = "age,year,population\n";
  for (int age = 0; age < 18; ++age)
    for (int year = 2020; year <= 2025; ++year) population += fmt::format("{},{},3000\n", age, year);
  folder.write("population.csv", population);
  return folder.write("factor.yaml", fmt::format(R"(name: Prior-breakdown factor
simulation: {{start: 2020-01-01, years: 6, grid: yearly, replicates: {}, seed: 424242}}
states:
  - {{name: foster, kind: placement}}
  - {{name: home, kind: exit}}
  - {{name: aged_out, kind: exit}}
ageing_out: {{age: 18, to: aged_out}}
population: {{table: population.csv}}
entries:
  rate_per_1000: [{{age: [0, 18], rate: 4}}]
  mix: [{{age: [0, 18], shares: {{foster: 1}}}}]
transitions:
  - {{from: foster, to: home, hazard: 0.3}}
  - from: foster
    to: foster
    breakdown: {{carer_initiated: 0.5, other: 0.5}}
    hazard:
      - {{age: [0, 10], rate: 0.3}}
      - {{age: [10, .inf], rate: 0.6}}
breakdowns: {{prior_breakdown_factor: {}, prior_breakdown_cap: 2}}
initial_stock: {{warmup_years: 0}}
)",
                                                 datasets, true_factor));
}

CalibrationSettings settings() {
  CalibrationSettings s;
  s.bands.age_edges = {0, 10};
  s.exposure.ageing_out_state = "aged_out";
  s.exposure.prior_breakdown_cap = 2;
  return s;
}

class BreakdownFactorRecovery : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ScratchFolder folder;
    Scenario scenario = read_scenario(write_scenario(folder));
    RunOptions options;
    options.episode_replicates.resize(datasets);
    std::iota(options.episode_replicates.begin(), options.episode_replicates.end(), std::size_t{0});
    episodes_ = std::make_unique<std::vector<EpisodeData>>(simulate(scenario, options, engine::SingleProcess{}).episodes);
  }
  static void TearDownTestSuite() { episodes_.reset(); }
  static std::unique_ptr<std::vector<EpisodeData>> episodes_;
};

std::unique_ptr<std::vector<EpisodeData>> BreakdownFactorRecovery::episodes_;

TEST_F(BreakdownFactorRecovery, RecoversTheFactorAndTheBaseRates) {
  CalibratedModel model = calibrate(episodes_->front(), settings());
  ASSERT_TRUE(model.breakdown_factor.has_value());
  const BreakdownFactorEstimate& f = *model.breakdown_factor;
  ASSERT_TRUE(f.estimable) << f.reason;
  EXPECT_EQ(f.cap, 2);
  EXPECT_GT(f.after_breakdown, 100);
  EXPECT_NEAR(f.factor, true_factor, 3.0 * f.se);
  EXPECT_LT(f.se, 0.2) << "the data are informative";
  EXPECT_NEAR(f.se, f.factor * f.log_se, 1e-12);
  EXPECT_LT(f.lower, f.factor);
  EXPECT_GT(f.upper, f.factor);
  // The base rates of foster → foster, by age band, given f̂.
  ASSERT_EQ(f.base_rates.size(), 1u);
  const auto& base = f.base_rates.begin()->second;
  ASSERT_EQ(base.size(), 2u);
  EXPECT_NEAR(base[0].rate, 0.3, 3.0 * base[0].se);
  EXPECT_NEAR(base[1].rate, 0.6, 3.0 * base[1].se);
  // The crude rates mix children with and without earlier breakdowns, so they are higher.
  std::size_t t = f.base_rates.begin()->first;
  EXPECT_GT(model.hazards.transitions()[t].by_group[1].rate, base[1].rate);
}

TEST_F(BreakdownFactorRecovery, IntervalsCoverTheFactorAbout95PercentOfTheTime) {
  int covered = 0;
  for (const EpisodeData& data : *episodes_) {
    CalibratedModel model = calibrate(data, settings());
    ASSERT_TRUE(model.breakdown_factor && model.breakdown_factor->estimable);
    covered += model.breakdown_factor->lower <= true_factor && true_factor <= model.breakdown_factor->upper ? 1 : 0;
  }
  double n = datasets;
  EXPECT_NEAR(covered / n, 0.95, 3.0 * std::sqrt(0.95 * 0.05 / n));
}

Episode episode(const char* child, const char* start, const char* end, EpisodeEnding ending, const char* exit_state = "") {
  Episode e;
  e.child = child;
  e.birth = *engine::parse_iso_date("2010-01-01");
  e.start = *engine::parse_iso_date(start);
  if (end != nullptr) e.end = *engine::parse_iso_date(end);
  e.state = "foster";
  e.ending = ending;
  e.exit_state = exit_state;
  return e;
}

BreakdownFactorEstimate estimate_from(const EpisodeData& data) {
  ExposureTable table = ExposureTable::build(data, CalibrationBands{});
  return BreakdownFactorEstimate::estimate(table, HazardEstimates::estimate(table));
}

TEST(BreakdownFactorEstimate, NotEstimableWithoutBreakdowns) {
  EpisodeData data;
  data.observed_until = *engine::parse_iso_date("2021-12-31");
  data.episodes = {episode("a", "2020-01-01", "2020-06-01", EpisodeEnding::exit, "home")};
  BreakdownFactorEstimate f = estimate_from(data);
  EXPECT_FALSE(f.estimable);
  EXPECT_EQ(f.reason, "no breakdowns in the data");
}

TEST(BreakdownFactorEstimate, NotEstimableWhenNoBreakdownFollowsAnother) {
  EpisodeData data;
  data.observed_until = *engine::parse_iso_date("2021-12-31");
  data.episodes = {episode("a", "2020-01-01", "2020-06-01", EpisodeEnding::breakdown_other),
                   episode("a", "2020-06-01", nullptr, EpisodeEnding::ongoing)};
  BreakdownFactorEstimate f = estimate_from(data);
  EXPECT_FALSE(f.estimable);
  EXPECT_NE(f.reason.find("no breakdown of a child with an earlier breakdown"), std::string::npos);
}

TEST(BreakdownFactorEstimate, ClosedFormWithOneCellAndCapOne) {
  // One cell, cap 1: the profile MLE is the ratio of the two rates, f̂ = (D1 / E1) / (D0 / E0), and
  // the information gives var(log f̂) = 1/D0 + 1/D1. Child a: 1 year at prior 0, breaks down;
  // then 0.5 years at prior 1, breaks down; then 0.5 years at prior 1 (ongoing). Child b: 1 year at
  // prior 0, ongoing. D0 = 1, E0 = 2 years; D1 = 1, E1 = 1 year: f̂ = 2, se(log f̂) = sqrt(2).
  EpisodeData data;
  auto day = [](int n) {
    return engine::format_iso_date(engine::Date{std::chrono::sys_days{*engine::parse_iso_date("2019-01-01")} +
                                                std::chrono::days{n}});
  };
  std::string d0 = day(0), d1 = day(365), d2 = day(547), end = day(730);
  data.observed_until = *engine::parse_iso_date(day(729));
  data.episodes = {episode("a", d0.c_str(), d1.c_str(), EpisodeEnding::breakdown_carer),
                   episode("a", d1.c_str(), d2.c_str(), EpisodeEnding::breakdown_other),
                   episode("a", d2.c_str(), nullptr, EpisodeEnding::ongoing),
                   episode("b", d1.c_str(), nullptr, EpisodeEnding::ongoing)};
  ExposureOptions options;
  options.prior_breakdown_cap = 1;
  ExposureTable table = ExposureTable::build(data, CalibrationBands{}, options);
  BreakdownFactorEstimate f = BreakdownFactorEstimate::estimate(table, HazardEstimates::estimate(table));
  ASSERT_TRUE(f.estimable) << f.reason;
  double e0 = 730.0 / 365.25, e1 = 365.0 / 365.25;  // a: 365 days at 0; b: 365 days at 0; a: 182 + 183 at 1
  EXPECT_NEAR(f.factor, (1.0 / e1) / (1.0 / e0), 1e-9);
  EXPECT_NEAR(f.log_se, std::sqrt(2.0), 1e-9);
  // The base rate given f̂: 2 breakdowns / (E0 + f̂ E1) = D0 / E0.
  EXPECT_NEAR(f.base_rates.begin()->second[0].rate, 1.0 / e0, 1e-9);
}

}  // namespace
}  // namespace carecast::models::calibration
