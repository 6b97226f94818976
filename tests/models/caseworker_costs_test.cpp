// Caseworker costs, checked independently: in every replicate and reporting year the category
// staff:caseworkers holds the FTE needed on each grid date × the days to the next ÷ 365.25 ×
// costs.caseworker_per_year × the year's price factor (and its discount factor), while every
// other category is exactly what it is without the key (nothing simulated changes). Without a
// caseload section the key is refused at its place.
#include "models/caseworker_costs.hpp"

#include <gtest/gtest.h>

#include <string>

#include "models/scenario/scenario_reader.hpp"
#include "models_test_support.hpp"
#include "simulation_runs.hpp"

namespace carecast::models {
namespace {

using test_support::input_error_of;
using test_support::run_replicates;
using test_support::scenarios_dir;
using test_support::ScratchFolder;

std::vector<double> sums(const RunResult& result, std::size_t replicate, const std::string& name) {
  auto values = result.replicates[replicate].sums(result.layout->sum_handle(name));
  return {values.begin(), values.end()};
}

/// The expected cost of the FTE needed in each reporting year, before prices.
std::vector<double> expected_in_price_year_money(const RunResult& result, std::size_t replicate, double per_year) {
  std::vector<double> fte = sums(result, replicate, "fte_needed"), by_year(result.year_start_points.size(), 0.0);
  std::size_t year = 0;
  for (std::size_t t = 0; t + 1 < result.grid_days.size(); ++t) {
    while (year + 1 < result.year_start_points.size() && t >= result.year_start_points[year + 1]) ++year;
    by_year[year] += fte[t] * (result.grid_days[t + 1] - result.grid_days[t]) / 365.25 * per_year;
  }
  return by_year;
}

TEST(CaseworkerCosts, AreTheFteNeededTimesTheCostAtEachYearsPrices) {
  Scenario plain = read_scenario(scenarios_dir() / "caseload-norm-25.yaml");
  plain.simulation.span = std::chrono::years{3};
  Scenario costed = plain;
  costed.costs.caseworker_per_year = 600000.0;
  ASSERT_TRUE(costs_caseworkers(costed));
  std::vector<std::string> categories = CostRecorder::categories(costed);
  ASSERT_EQ(categories.back(), caseworker_category);
  std::size_t width = categories.size(), years = 3;
  RunResult with = run_replicates(costed, 4, 11), without = run_replicates(plain, 4, 11);
  MoneyYears money(costed.costs, costed.simulation);
  for (std::size_t r = 0; r < 4; ++r) {
    std::vector<double> nominal = sums(with, r, "costs"), discounted = sums(with, r, "costs_discounted");
    std::vector<double> before = sums(without, r, "costs");
    std::vector<double> expected = expected_in_price_year_money(with, r, 600000.0);
    for (std::size_t k = 0; k < years; ++k) {
      ASSERT_GT(expected[k], 0.0);
      EXPECT_NEAR(nominal[k * width + width - 1], expected[k] * money.nominal(k), 1e-9 * expected[k]) << k;
      EXPECT_NEAR(discounted[k * width + width - 1], expected[k] * money.discounted(k), 1e-9 * expected[k]) << k;
      for (std::size_t c = 0; c + 1 < width; ++c) EXPECT_EQ(nominal[k * width + c], before[k * (width - 1) + c]);
    }
  }
}

TEST(CaseworkerCosts, WithoutACaseloadSectionTheKeyIsRefused) {
  ScratchFolder scratch;
  auto error = input_error_of([&] {
    read_scenario(scratch.write("staff.yaml", "extends: " + (scenarios_dir() / "baseline.yaml").string() +
                                                  "\ncaseload: ~\ncosts: {caseworker_per_year: 600000}\n"));
  });
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->key_path(), "costs.caseworker_per_year");
  EXPECT_EQ(error->where().line, 3);
  EXPECT_NE(error->problem().find("caseworkers are counted by the caseload section"), std::string::npos)
      << error->what();
}

}  // namespace
}  // namespace carecast::models
