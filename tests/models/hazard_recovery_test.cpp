// Calibration recovers the hazards carecast simulated. tests/models/data/calibration/recovery.yaml
// has known hazards, constant on the cells calibrated here (age [0, 12), [12, ∞) × time in state
// [0, 1), [1, ∞) × period before / from 2023-01-01): 4 transitions × 8 cells = 32 hazards. Each of
// its 200 replicates, recorded with RunOptions::episode_replicates, is one dataset of about 4300
// children; each is calibrated on its own (ageing out is the scenario's, not a hazard).
//
// (a) Coverage. For each hazard, the share of the 200 datasets whose 95 % interval covers the true
//     value must be within 3 binomial standard errors, 3 × sqrt(0.95 × 0.05 / 200) = 0.046, of 0.95.
//     The exact (Garwood) interval covers at least 95 %, and visibly more with few events, so
//     hazards with fewer than 10 events per dataset on average are left out. Over the hazards with
//     at least 100 events per dataset, where Garwood's excess is negligible, the pooled coverage
//     must be within 3 standard errors of 0.95 (n = hazards × 200).
// (b) Convergence. Datasets merged in groups of m = 1, 4, 16 (192 datasets: 192, 48 and 12 groups)
//     must give mean squared errors ~1/m: per hazard, MSE(m) / MSE(1), averaged over the K hazards,
//     times m, must be within 4 standard errors of 1. With G groups the relative standard error of
//     one MSE is sqrt(2 / G) (the squared error of a normal estimate has variance 2σ⁴), so that of
//     the average is sqrt(2 / (G K)); 4 rather than 3 because hazards of the same cell share their
//     exposure and are not quite independent.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <tuple>

#include "engine/communicator.hpp"
#include "models/calibration/calibrated_model.hpp"
#include "models/scenario/scenario_reader.hpp"
#include "models/simulation.hpp"
#include "models_test_support.hpp"

namespace carecast::models::calibration {
namespace {

constexpr std::size_t datasets = 200;

/// A hazard: (from, kind, to) in one cell.
using HazardKey = std::tuple<std::string, TransitionKind, std::string, std::size_t>;

CalibrationSettings settings() {
  CalibrationSettings s;
  s.bands.age_edges = {0, 12};
  s.bands.duration_edges = {0, 1};
  s.bands.period_breaks = {*engine::parse_iso_date("2023-01-01")};
  s.exposure.ageing_out_state = "aged_out";
  s.estimate_prior_breakdown_factor = false;  // the scenario has none
  return s;
}

/// The hazards of recovery.yaml, per year.
double true_rate(const HazardKey& key, const CalibrationBands& bands) {
  const auto& [from, kind, to, cell] = key;
  CellCoordinates at = bands.coordinates(cell);
  if (from == "foster" && to == "home") return at.age == 1 ? 0.35 : (at.duration == 0 ? 0.6 : 0.25);
  if (from == "foster" && to == "residential" && kind == TransitionKind::breakdown) return 0.2;
  if (from == "residential" && to == "foster") return at.period == 0 ? 0.5 : 0.3;
  if (from == "residential" && to == "home") return 0.15;
  ADD_FAILURE() << "unexpected transition " << from << " -> " << to;
  return 0.0;
}

std::map<HazardKey, RateEstimate> estimates_of(const CalibratedModel& model) {
  std::map<HazardKey, RateEstimate> estimates;
  const ExposureTable& table = model.exposure;
  for (std::size_t t = 0; t < table.transitions().size(); ++t) {
    const TransitionKey& k = table.transitions()[t];
    const auto& groups = model.hazards.groups(k.from);
    for (std::size_t g = 0; g < groups.size(); ++g)
      estimates[{table.states()[k.from], k.kind, table.states()[k.to], groups[g].cells.front()}] =
          model.hazards.transitions()[t].by_group[g];
  }
  return estimates;
}

/// The episodes of several datasets as one, with the children kept apart.
EpisodeData merged(const std::vector<EpisodeData>& all, std::size_t first, std::size_t count) {
  EpisodeData data;
  data.observed_until = all[first].observed_until;
  for (std::size_t k = first; k < first + count; ++k)
    for (Episode e : all[k].episodes) {
      e.child = std::to_string(k) + "-" + e.child;
      data.episodes.push_back(std::move(e));
    }
  return data;
}

class HazardRecovery : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Scenario scenario = read_scenario(test_support::data_dir() / "calibration" / "recovery.yaml");
    RunOptions options;
    options.episode_replicates.resize(datasets);
    std::iota(options.episode_replicates.begin(), options.episode_replicates.end(), std::size_t{0});
    episodes_ = std::make_unique<std::vector<EpisodeData>>(simulate(scenario, options, engine::SingleProcess{}).episodes);
  }
  static void TearDownTestSuite() { episodes_.reset(); }

  static std::unique_ptr<std::vector<EpisodeData>> episodes_;
};

std::unique_ptr<std::vector<EpisodeData>> HazardRecovery::episodes_;

TEST_F(HazardRecovery, IntervalsCoverTheTrueHazardsAbout95PercentOfTheTime) {
  ASSERT_EQ(episodes_->size(), datasets);
  const CalibrationBands bands = settings().bands;
  std::map<HazardKey, int> covered;
  std::map<HazardKey, double> events;
  for (const EpisodeData& data : *episodes_) {
    auto estimates = estimates_of(calibrate(data, settings()));
    ASSERT_EQ(estimates.size(), 32u);
    for (const auto& [key, r] : estimates) {
      double truth = true_rate(key, bands);
      covered[key] += r.lower <= truth && truth <= r.upper ? 1 : 0;
      events[key] += static_cast<double>(r.events) / datasets;
    }
  }
  const double n = datasets, se = std::sqrt(0.95 * 0.05 / n);
  int tested = 0, pooled_covered = 0, pooled = 0;
  for (const auto& [key, hits] : covered) {
    if (events[key] < 10.0) continue;
    ++tested;
    // Exact (Garwood) intervals cover at least 95 %: each hazard is tested one-sided against
    // undercoverage, at 3.8 se (Bonferroni over about 30 hazards at a 0.002 false-alarm rate).
    double coverage = hits / n;
    EXPECT_GE(coverage, 0.95 - 3.8 * se) << std::get<0>(key) << " -> " << std::get<2>(key) << " in "
                                          << bands.describe_cell(std::get<3>(key)) << ", " << events[key]
                                          << " events per dataset";
    if (events[key] >= 100.0) {
      pooled_covered += hits;
      pooled += static_cast<int>(datasets);
    }
  }
  EXPECT_GE(tested, 28) << "most hazards have enough events to be tested";
  ASSERT_GT(pooled, 0);
  EXPECT_NEAR(static_cast<double>(pooled_covered) / pooled, 0.95, 3.0 * std::sqrt(0.95 * 0.05 / pooled));
}

TEST_F(HazardRecovery, ErrorsShrinkLikeOneOverTheSquareRootOfTheData) {
  const CalibrationBands bands = settings().bands;
  const std::size_t used = 192;
  std::map<std::size_t, std::map<HazardKey, double>> mse;  // by group size, by hazard
  std::map<HazardKey, double> events;
  for (std::size_t m : {1u, 4u, 16u}) {
    std::size_t groups = used / m;
    for (std::size_t g = 0; g < groups; ++g)
      for (const auto& [key, r] : estimates_of(calibrate(merged(*episodes_, g * m, m), settings()))) {
        double relative = (r.rate - true_rate(key, bands)) / true_rate(key, bands);
        mse[m][key] += relative * relative / static_cast<double>(groups);
        if (m == 1) events[key] += static_cast<double>(r.events) / static_cast<double>(groups);
      }
  }
  for (std::size_t m : {4u, 16u}) {
    double ratio_sum = 0.0;
    int hazards = 0;
    for (const auto& [key, error] : mse[m]) {
      if (events[key] < 10.0) continue;
      ratio_sum += error / mse[1][key];
      ++hazards;
    }
    double scaled = static_cast<double>(m) * ratio_sum / hazards;
    double se = std::sqrt(2.0 / (static_cast<double>(used / m) * hazards));
    EXPECT_NEAR(scaled, 1.0, 4.0 * se) << "m = " << m << ": MSE(m) / MSE(1) should be 1/m";
  }
}

}  // namespace
}  // namespace carecast::models::calibration
