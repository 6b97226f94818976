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
// The base rates' standard errors and intervals account for f̂ (drawn records, below): over 400
// datasets each base rate's 95 % interval covers the truth within 3 binomial standard errors of
// 0.95, and its z-scores have sd within 3 standard errors of 1, while the conditional Poisson se
// would not.
// With made-up counts, the estimate says why it cannot be made.
#include <gtest/gtest.h>
#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

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

// Coverage of the base rates when f is estimated. The records are drawn here rather than
// simulated by carecast, so that many datasets take little time: children enter foster care on
// days uniform over six years (2015-2020) at ages uniform in [0, 18), break down (foster ->
// foster) at a base rate of 0.3 a year under age 10 and 0.6 from 10, times f = 2 once they have
// broken down before (cap 1), and go home at 0.3 a year; event times are rounded down to whole
// days, and children still in care at the end are open. Each of 400 datasets of 1000 children
// (about 330 and 700 breakdowns in the two age bands) is calibrated on the cells age [0, 10),
// [10, inf) with cap 1. With f̂ uncertain, the Poisson se given f̂ alone is too small here: with
// it, the z-scores of the older band's base rate have an sd near 1.6, and its exact interval
// given f̂ covers about 78 %.
class DrawnRecords {
 public:
  static constexpr double factor = 2.0;
  static constexpr std::array<double, 2> base{0.3, 0.6};  // by age band, a year

  explicit DrawnRecords(std::uint64_t seed) : random_(seed) {}

  EpisodeData draw(int children) {
    EpisodeData data;
    data.observed_until = day(window_days - 1);
    for (int c = 0; c < children; ++c) add_child(std::to_string(c), data);
    return data;
  }

 private:
  static constexpr double window_days = 2192.0;  // 2015-01-01 to 2020-12-31
  static constexpr double age_edge_days = 10.0 * 365.25;
  static constexpr double home_per_day = 0.3 / 365.25;

  static engine::Date day(double offset) {
    return engine::Date{std::chrono::sys_days{*engine::parse_iso_date("2015-01-01")} +
                        std::chrono::days{static_cast<long>(std::floor(offset))}};
  }

  double uniform(double upper) { return std::uniform_real_distribution<double>(0.0, upper)(random_); }

  void add_child(const std::string& child, EpisodeData& data) {
    double t = std::floor(uniform(window_days));
    double birth = t - std::floor(uniform(18.0 * 365.25));
    Episode stay = open_stay(child, birth, t);
    bool broken_down = false;
    while (true) {
      bool young = t - birth < age_edge_days;
      double breakdown = base[young ? 0 : 1] * (broken_down ? factor : 1.0) / 365.25;
      double at = t + std::exponential_distribution<double>(breakdown + home_per_day)(random_);
      double age_edge = young ? birth + age_edge_days : std::numeric_limits<double>::infinity();
      if (at >= age_edge && age_edge < window_days) {  // the hazard changes: start afresh there
        t = age_edge;
        continue;
      }
      if (at >= window_days) break;  // open at the end of observation
      stay.end = day(at);
      if (uniform(breakdown + home_per_day) >= breakdown) {
        stay.ending = EpisodeEnding::exit;
        stay.exit_state = "home";
        break;
      }
      stay.ending = EpisodeEnding::breakdown_other;
      data.episodes.push_back(stay);
      t = std::floor(at);
      stay = open_stay(child, birth, t);
      broken_down = true;
    }
    data.episodes.push_back(stay);
  }

  static Episode open_stay(const std::string& child, double birth, double start) {
    Episode e;
    e.child = child;
    e.birth = day(birth);
    e.start = day(start);
    e.state = "foster";
    return e;
  }

  std::mt19937_64 random_;
};

/// The sample standard deviation.
double sd(const std::vector<double>& x) {
  double mean = std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
  double squares = 0.0;
  for (double v : x) squares += (v - mean) * (v - mean);
  return std::sqrt(squares / static_cast<double>(x.size() - 1));
}

TEST(BreakdownFactorEstimate, BaseRateIntervalsAccountForTheFactorsUncertainty) {
  constexpr std::size_t draws = 400;
  DrawnRecords records(20261124);
  CalibrationBands bands;
  bands.age_edges = {0, 10};
  ExposureOptions options;
  options.prior_breakdown_cap = 1;
  std::array<int, 2> covered{};
  std::array<std::vector<double>, 2> z, z_given_factor;
  for (std::size_t d = 0; d < draws; ++d) {
    ExposureTable table = ExposureTable::build(records.draw(1000), bands, options);
    BreakdownFactorEstimate f = BreakdownFactorEstimate::estimate(table, HazardEstimates::estimate(table));
    ASSERT_TRUE(f.estimable) << f.reason;
    const std::vector<RateEstimate>& base = f.base_rates.begin()->second;
    ASSERT_EQ(base.size(), 2u);
    for (std::size_t g = 0; g < 2; ++g) {
      double truth = DrawnRecords::base[g];
      covered[g] += base[g].lower <= truth && truth <= base[g].upper ? 1 : 0;
      z[g].push_back((base[g].rate - truth) / base[g].se);
      z_given_factor[g].push_back((base[g].rate - truth) / (base[g].rate / std::sqrt(base[g].events)));
    }
  }
  double n = draws;
  double coverage_tolerance = 3.0 * std::sqrt(0.95 * 0.05 / n);  // binomial
  double sd_tolerance = 3.0 / std::sqrt(2.0 * (n - 1.0));         // the sd of a normal sample's sd, relative
  for (std::size_t g = 0; g < 2; ++g) {
    EXPECT_NEAR(covered[g] / n, 0.95, coverage_tolerance) << "age band " << g;
    EXPECT_NEAR(sd(z[g]), 1.0, sd_tolerance) << "age band " << g;
  }
  // The test can tell: the se given f̂ alone is visibly too small for the older band.
  EXPECT_GT(sd(z_given_factor[1]), 1.0 + sd_tolerance);
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
  // The base rate given f̂: 2 breakdowns / (E0 + f̂ E1) = D0 / E0. That is the rate of the
  // children without an earlier breakdown alone, so its se is the Poisson one of D0 and E0,
  // (D0 / E0) / sqrt(D0), which the joint information must reproduce: base · sqrt(1 / D + m²
  // var(θ̂)) with D = 2, m = f̂ E1 / (E0 + f̂ E1) = 1/2 and var(θ̂) = 2.
  const RateEstimate& base = f.base_rates.begin()->second[0];
  EXPECT_NEAR(base.rate, 1.0 / e0, 1e-9);
  EXPECT_NEAR(base.se, base.rate / std::sqrt(1.0), 1e-9);
  EXPECT_LT(base.lower, base.rate);
  EXPECT_GT(base.upper, base.rate);
}

}  // namespace
}  // namespace carecast::models::calibration
