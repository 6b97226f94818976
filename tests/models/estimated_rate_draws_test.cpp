// Parameter uncertainty for estimated rates: a rate given with a standard error is drawn per
// replicate from a gamma with that mean and standard deviation; other rates are untouched; the
// draw depends only on the replicate and the rate's identity.
#include "models/estimated_rate_draws.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"

namespace carecast::models {
namespace {

using test_support::data_dir;
using test_support::input_error_of;
using test_support::ScratchFolder;

/// small.yaml with estimated hazards out of foster care (rate 0.5, se 0.1 and rate 0.2, se 0.04).
std::string estimated_scenario(const std::string& extra) {
  return "extends: " + (data_dir() / "builder" / "small.yaml").string() + "\n" +
         "simulation: {start: 2025-07-01, years: 2, grid: yearly, replicates: 2, seed: 3" + extra + "}\n"
         "transitions:\n"
         "  - from: support\n"
         "    to: foster\n"
         "    hazard: 0.3\n"
         "  - from: foster\n"
         "    to: home\n"
         "    hazard:\n"
         "      - {age: [0, 2], rate: 0.5, se: 0.1, ci95: [0.32, 0.74], events: 25, exposure_years: 50}\n"
         "      - {age: [2, 4], rate: 0.2, se: 0.04, ci95: [0.13, 0.29], events: 25, exposure_years: 125}\n";
}

class EstimatedRateDrawsTest : public ::testing::Test {
 protected:
  ScratchFolder folder;
  Scenario read(const std::string& extra) {
    return read_scenario(folder.write("estimated.yaml", estimated_scenario(extra)));
  }
};

TEST_F(EstimatedRateDrawsTest, ReadsTheStandardErrorsOfACalibratedModel) {
  Scenario scenario = read("");
  const BandedRate& hazard = scenario.transitions[1].hazard;
  EXPECT_EQ(hazard.standard_errors, (std::vector<double>{0.1, 0.04}));
  EXPECT_FALSE(scenario.transitions[0].hazard.has_standard_errors());
  EXPECT_FALSE(draws_estimated_rates(scenario)) << "parameter uncertainty is off by default";
  EXPECT_TRUE(draws_estimated_rates(read(", parameter_uncertainty: true")));
}

TEST_F(EstimatedRateDrawsTest, AnIntervalWithItsEndsReversedIsALocatedError) {
  std::string text = estimated_scenario("");
  text.replace(text.find("[0.32, 0.74]"), 12, "[0.74, 0.32]");
  auto error = input_error_of([&] { read_scenario(folder.write("reversed.yaml", text)); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->key_path(), "transitions[1].hazard[0].ci95");
  EXPECT_NE(std::string(error->what()).find("lower <= upper"), std::string::npos) << error->what();
}

TEST_F(EstimatedRateDrawsTest, DrawsHaveTheEstimateAsMeanAndTheStandardErrorAsSpread) {
  Scenario scenario = read(", parameter_uncertainty: true");
  constexpr int replicates = 4000;
  const double estimate[2] = {0.5, 0.2}, standard_error[2] = {0.1, 0.04};
  double sum[2] = {0, 0}, sum_squares[2] = {0, 0}, sum_products = 0.0;
  for (int r = 0; r < replicates; ++r) {
    Scenario drawn = with_drawn_rates(scenario, engine::StreamKey{11, static_cast<std::uint64_t>(r)});
    const std::vector<double>& values = drawn.transitions[1].hazard.values;
    for (int band = 0; band < 2; ++band) {
      sum[band] += values[band];
      sum_squares[band] += values[band] * values[band];
    }
    sum_products += values[0] * values[1];
    ASSERT_EQ(drawn.transitions[0].hazard.values, scenario.transitions[0].hazard.values);
    ASSERT_EQ(drawn.entries.rate_per_1000.values, scenario.entries.rate_per_1000.values);
  }
  double mean[2], sd[2];
  for (int band = 0; band < 2; ++band) {
    mean[band] = sum[band] / replicates;
    sd[band] = std::sqrt((sum_squares[band] - replicates * mean[band] * mean[band]) / (replicates - 1));
    // Tolerances: 4 Monte Carlo standard errors of the mean (se / sqrt(n)) and of the sample sd
    // (about sd * sqrt((kurtosis - 1) / 4n); a gamma of shape 25, as both bands are, has
    // kurtosis 3.24). Each band has its own estimate and standard error.
    EXPECT_NEAR(mean[band], estimate[band], 4 * standard_error[band] / std::sqrt(replicates)) << "band " << band;
    EXPECT_NEAR(sd[band], standard_error[band], 4 * standard_error[band] * std::sqrt(2.24 / (4.0 * replicates)))
        << "band " << band;
  }
  // The two bands are drawn independently: their sample correlation is within 4 / sqrt(n) of 0.
  double covariance = (sum_products - replicates * mean[0] * mean[1]) / (replicates - 1);
  EXPECT_NEAR(covariance / (sd[0] * sd[1]), 0.0, 4.0 / std::sqrt(replicates));
}

TEST_F(EstimatedRateDrawsTest, TheSameReplicateDrawsTheSameRateInAnotherScenario) {
  Scenario scenario = read(", parameter_uncertainty: true");
  Scenario other = scenario;
  other.entries.rate_per_1000.values[0] *= 2.0;  // a scenario that differs elsewhere
  engine::StreamKey replicate{11, 7};
  Scenario a = with_drawn_rates(scenario, replicate);
  Scenario b = with_drawn_rates(other, replicate);
  EXPECT_EQ(a.transitions[1].hazard.values, b.transitions[1].hazard.values);
  EXPECT_NE(a.transitions[1].hazard.values[0], scenario.transitions[1].hazard.values[0]);
  Scenario next = with_drawn_rates(scenario, engine::StreamKey{11, 8});
  EXPECT_NE(a.transitions[1].hazard.values[0], next.transitions[1].hazard.values[0]);
}

}  // namespace
}  // namespace carecast::models
